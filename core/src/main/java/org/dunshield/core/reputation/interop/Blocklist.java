package org.dunshield.core.reputation.interop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.BlockLabel;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.screen.Category;

/**
 * What an export holds: single numbers and prefixes to block, each with a category and a count.
 * Immutable; numbers sorted by digits, prefixes by digits.
 *
 * @param numbers numbers to block
 * @param prefixes number ranges to block
 */
public record Blocklist(List<Entry> numbers, List<Prefix> prefixes) {
  /**
   * One number.
   *
   * @param number the number
   * @param category why it is blocked
   * @param reports how many reporters flagged it (0 for a user rule)
   * @param since when it was first reported (or the rule added), for formats with a creation time
   */
  public record Entry(PhoneNumber number, Category category, int reports, Instant since) {
    public Entry {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * The numbers whose E.164 digits start with {@code digits} and have exactly {@code freeDigits}
   * more ({@code -1}: any number more).
   *
   * @param digits the E.164 digits the range starts with (no plus sign)
   * @param freeDigits the digits after them: 2 for a block of 100, 4 for 10,000, -1 for any
   * @param category why it is blocked
   * @param numbers how many of its numbers were reported (0 for a user rule)
   */
  public record Prefix(String digits, int freeDigits, Category category, int numbers) {
    public Prefix {
      if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("a prefix is E.164 digits, got '" + digits + "'");
      }
      if (freeDigits != -1 && freeDigits != 2 && freeDigits != 4) {
        throw new IllegalArgumentException("free digits are 2, 4 or -1, got " + freeDigits);
      }
      Objects.requireNonNull(category, "category");
    }

    public static Prefix of(BlockLabel block) {
      return new Prefix(Long.toString(block.prefix()), block.size() == 100 ? 2 : 4, block.category(), block.flagged());
    }
  }

  public Blocklist {
    List<Entry> n = new ArrayList<>(numbers);
    n.sort(Comparator.comparingLong(e -> e.number().digits()));
    numbers = List.copyOf(n);
    List<Prefix> p = new ArrayList<>(prefixes);
    p.sort(Comparator.comparing(Prefix::digits).thenComparingInt(Prefix::freeDigits));
    prefixes = List.copyOf(p);
  }

  /**
   * The reputation's harmful labels settled at {@code threshold} as of {@code at}: every such number
   * and every labelled block.
   */
  public static Blocklist of(Reputations reputations, Instant at, double threshold) {
    List<Entry> numbers = new ArrayList<>();
    List<Prefix> prefixes = new ArrayList<>();
    reputations.publish(at, r -> {
      if (r.harmful() && r.score() >= threshold) {
        numbers.add(entry(r));
      }
    }, block -> {
      if (block.score() >= threshold) {
        prefixes.add(Prefix.of(block));
      }
    });
    return new Blocklist(numbers, prefixes);
  }

  private static Entry entry(Reputation r) {
    return new Entry(r.number(), r.category(), r.supporters(), r.firstSeen());
  }
}
