package org.dunshield.core.reputation.offline;

import org.dunshield.core.reputation.BlockLabel;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.screen.Category;

/**
 * A reputation squeezed into {@value #BITS} bits, as snapshots and the index store it:
 * bits 0–3 the category (0: none, else its ordinal + 1), bits 4–7 the score in fifteenths, bits 8–12
 * the supporters (exact up to 15, then a floor from {@link #FLOORS}), bit 13 an open dispute. A label
 * of 0 means "nothing known". Stateless.
 */
public final class Label {
  public static final int BITS = 14;
  public static final int MASK = (1 << BITS) - 1;

  /** Supporter counts from bucket 16 on: the count is at least this. */
  static final int[] FLOORS = {20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1_000, 2_000, 5_000, 10_000, 100_000};

  private static final Category[] CATEGORIES = Category.values();

  private Label() {}

  /** The label of a number's reputation, or 0 when it has no category. */
  public static int of(Reputation r) {
    if (r.category() == null) {
      return 0;
    }
    return encode(r.category(), r.score(), r.supporters(), r.disputed());
  }

  /** The label of a block: the supporters field holds its flagged numbers. */
  public static int of(BlockLabel b) {
    return encode(b.category(), b.score(), b.flagged(), false);
  }

  public static int encode(Category category, double score, int supporters, boolean disputed) {
    int q = (int) Math.round(Math.max(0, Math.min(1, score)) * 15);
    return (category.ordinal() + 1) | q << 4 | bucket(supporters) << 8 | (disputed ? 1 << 13 : 0);
  }

  /** The category, or {@code null} for label 0. */
  public static Category category(int label) {
    int c = label & 0xF;
    return c == 0 ? null : CATEGORIES[c - 1];
  }

  public static double score(int label) {
    return ((label >>> 4) & 0xF) / 15.0;
  }

  /** The supporters, exact below 16, else a lower bound. */
  public static int supporters(int label) {
    int b = (label >>> 8) & 0x1F;
    return b < 16 ? b : FLOORS[b - 16];
  }

  public static boolean approximate(int label) {
    return ((label >>> 8) & 0x1F) >= 16;
  }

  public static boolean disputed(int label) {
    return (label & (1 << 13)) != 0;
  }

  static int bucket(int n) {
    if (n < 16) {
      return Math.max(0, n);
    }
    int b = 0;
    while (b + 1 < FLOORS.length && FLOORS[b + 1] <= n) {
      b++;
    }
    return n < FLOORS[0] ? 15 : 16 + b;
  }

  static void check(int label) {
    if (label < 0 || label > MASK) {
      throw new IllegalArgumentException("a label has " + BITS + " bits, got " + label);
    }
  }
}
