package org.dunshield.core.reputation;

import org.dunshield.core.screen.Category;

/**
 * Whether a category warns against a caller or vouches for one. A report with a benign category
 * ("this is my bank": {@code institution}) is a counter-report to the harmful ones.
 */
public enum Polarity {
  HARMFUL,
  BENIGN;

  /** The polarity of {@code category}: {@code normal}, {@code institution}, {@code delivery} and {@code verification_code} are benign. */
  public static Polarity of(Category category) {
    return switch (category) {
      case NORMAL, INSTITUTION, DELIVERY, VERIFICATION_CODE -> BENIGN;
      default -> HARMFUL;
    };
  }
}
