package org.dunshield.core.reputation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * What the community knows about one number at one moment.
 *
 * @param number the number
 * @param category the label, or {@code null} when nothing is known
 * @param score the support for {@code category}, in [0, 1]; screening acts at the threshold
 * @param confidence how much (trust-weighted, aged) evidence there is, in [0, 1)
 * @param reporters distinct reporters with a live report on the number
 * @param supporters reporters whose reports share the label's polarity (harmful or benign)
 * @param approximate whether {@code supporters} is a lower bound (from an offline index)
 * @param firstSeen the oldest live report, or {@code null}
 * @param lastSeen the newest live report, or {@code null}
 * @param disputed whether the number's owner has an open dispute against its label
 * @param source where the label comes from
 * @param block the block label when {@code source} is a block, else {@code null}
 * @param categories live reports per category (empty when unknown or from an offline index)
 */
public record Reputation(
    PhoneNumber number,
    Category category,
    double score,
    double confidence,
    int reporters,
    int supporters,
    boolean approximate,
    Instant firstSeen,
    Instant lastSeen,
    boolean disputed,
    Source source,
    BlockLabel block,
    Map<Category, Integer> categories) {

  /** Where a label comes from. {@link #code()} appears in JSON. */
  public enum Source {
    /** Nothing is known. */
    NONE("none"),
    /** The number's own reports. */
    NUMBER("number"),
    /** The number's block of 100. */
    BLOCK_100("block-100"),
    /** The number's block of 10,000. */
    BLOCK_10000("block-10000");

    private final String code;

    Source(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Reputation {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(source, "source");
    categories = Map.copyOf(categories);
    if (!(score >= 0 && score <= 1) || !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("score and confidence must be in [0, 1]");
    }
  }

  /** Nothing known about {@code number}. */
  public static Reputation unknown(PhoneNumber number, boolean disputed) {
    return new Reputation(number, null, 0, 0, 0, 0, false, null, null, disputed, Source.NONE, null, Map.of());
  }

  /** Whether the label is harmful (a warning) rather than benign or absent. */
  public boolean harmful() {
    return category != null && Polarity.of(category) == Polarity.HARMFUL;
  }

  /** Whether the label is settled: present with a score of at least {@code threshold}. */
  public boolean settled(double threshold) {
    return category != null && score >= threshold;
  }

  /** The same evidence with the label taken from {@code label}, the number's block. */
  Reputation fromBlock(BlockLabel label) {
    return new Reputation(number, label.category(), label.score(), confidence, reporters, supporters, approximate,
        firstSeen, lastSeen, disputed, label.size() == 100 ? Source.BLOCK_100 : Source.BLOCK_10000, label, categories);
  }
}
