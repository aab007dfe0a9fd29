package org.dunshield.core.reputation;

import java.util.Objects;
import org.dunshield.core.screen.Category;

/**
 * A label on a whole number block: the numbers whose E.164 digits share all but the last two
 * ({@code size} 100) or four ({@code size} 10,000) digits. Collectors buy consecutive numbers, so
 * once enough numbers of a block are settled as harmful, a fresh number from it is recognised
 * before anyone reports it.
 *
 * @param size 100 or 10,000
 * @param prefix the E.164 digits divided by {@code size}
 * @param category the most frequent category among the block's harmful numbers
 * @param score the mean score of the harmful numbers times their share of the labelled numbers
 * @param flagged settled harmful numbers in the block
 * @param benign settled benign numbers in the block
 */
public record BlockLabel(int size, long prefix, Category category, double score, int flagged, int benign) {
  /** Numbers shorter than this many E.164 digits belong to no block (short codes, service numbers). */
  public static final long MIN_DIGITS_VALUE = 1_000_000_000L;

  public BlockLabel {
    if (size != 100 && size != 10_000) {
      throw new IllegalArgumentException("a block has 100 or 10000 numbers, got " + size);
    }
    Objects.requireNonNull(category, "category");
    if (prefix <= 0) {
      throw new IllegalArgumentException("block prefix must be positive");
    }
  }

  /** The block of {@code size} containing E.164 digits {@code digits}, or -1 when the number is too short to belong to one. */
  public static long prefixOf(long digits, int size) {
    return digits < MIN_DIGITS_VALUE ? -1 : digits / size;
  }

  /** The block as a pattern: {@code +86171888800xx} (x for each free digit). */
  public String pattern() {
    return "+" + prefix + (size == 100 ? "xx" : "xxxx");
  }

  /** The smallest and largest E.164 digits in the block. */
  public long first() {
    return prefix * size;
  }

  public long last() {
    return prefix * size + size - 1;
  }
}
