package org.dunshield.core.loan;

import java.util.Locale;

/** How a loan is repaid. Codes are persisted and used on the command line. */
public enum RepaymentMethod {
  /** 等额本息: the same payment every month, interest on the declining balance. */
  EQUAL_INSTALMENT("equal-instalment", true),
  /** 等额本金: the same principal every month plus interest on the declining balance. */
  EQUAL_PRINCIPAL("equal-principal", true),
  /** 先息后本: interest every month, the principal with the last payment. */
  INTEREST_FIRST("interest-first", true),
  /** 一次性还本付息: principal and interest at maturity, interest by the day. */
  BULLET("bullet", false),
  /** 月费率: equal principal plus a monthly fee on the original principal, whatever is left. */
  FLAT_FEE("flat-fee", true);

  private final String code;
  private final boolean monthly;

  RepaymentMethod(String code, boolean monthly) {
    this.code = code;
    this.monthly = monthly;
  }

  public String code() {
    return code;
  }

  /** Whether payments fall due every month (all but the bullet loan). */
  public boolean monthly() {
    return monthly;
  }

  /** Accepts the code with {@code -} or {@code _} as separator, in any case. */
  public static RepaymentMethod fromCode(String code) {
    String normal = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (RepaymentMethod m : values()) {
      if (m.code.equals(normal)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown repayment method '"
            + code
            + "'; expected equal-instalment, equal-principal, interest-first, bullet or flat-fee");
  }
}
