package org.dunshield.core.loan;

import java.util.Locale;

/** Which legal limit on charges applies to a contract. Codes are persisted and shown in APIs. */
public enum CapRule {
  /**
   * Private lending signed on or after 2020-08-20: interest, overdue interest, liquidated damages
   * and fees together within four times the one-year LPR at signing.
   */
  PRIVATE_FOUR_LPR("private-4x-lpr"),
  /** Private lending signed before 2020-08-20: 24 % supported, above 36 % void. */
  PRIVATE_24_36("private-24-36"),
  /**
   * Banks, consumer-finance and microloan companies: courts reduce total charges above 24 % when
   * the borrower objects; cash loans above 36 % all-in are unlawful.
   */
  LICENSED_24_36("licensed-24-36");

  private final String code;

  CapRule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static CapRule fromCode(String code) {
    String normal = code.trim().toLowerCase(Locale.ROOT);
    for (CapRule r : values()) {
      if (r.code.equals(normal)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown cap rule '" + code + "'");
  }
}
