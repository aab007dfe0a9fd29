package org.dunshield.core.detect;

/**
 * Collector redial: calls from one number, or from numbers of one block (numbers equal but for the
 * last {@code blockDigits} digits; 0 turns blocks off), counted per calendar day in the user's time
 * zone. From the {@code labelFrom}-th call of a day the call is labelled; past {@code dailyLimit}
 * calls a day it is blocked. Immutable.
 */
public record Redial(boolean enabled, int labelFrom, int dailyLimit, int blockDigits) {
  public Redial {
    if (labelFrom < 2) {
      throw new IllegalArgumentException("redial labels start at the second call or later, got " + labelFrom);
    }
    if (dailyLimit < 1 || dailyLimit > 1000) {
      throw new IllegalArgumentException("the daily limit must be between 1 and 1000, got " + dailyLimit);
    }
    if (blockDigits < 0 || blockDigits > 4) {
      throw new IllegalArgumentException("block digits must be between 0 and 4, got " + blockDigits);
    }
  }

  /** Label from the 2nd call of a day, block from the 4th (more than 3 a day, as cn-nifa-2024 allows). */
  public static Redial defaults() {
    return new Redial(true, 2, 3, 3);
  }
}
