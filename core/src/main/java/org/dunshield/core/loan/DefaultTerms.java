package org.dunshield.core.loan;

import java.math.BigDecimal;

/**
 * What the contract says happens on default: the overdue rate on overdue principal ({@code null}
 * when the contract names none; then the contract rate applies, as courts allow) and liquidated
 * damages, a one-off percentage of each instalment that falls overdue.
 */
public record DefaultTerms(Rate overdueRate, BigDecimal liquidatedDamagesPercent) {
  public static final DefaultTerms NONE = new DefaultTerms(null, BigDecimal.ZERO);

  public DefaultTerms {
    BigDecimal ld = liquidatedDamagesPercent == null ? BigDecimal.ZERO : liquidatedDamagesPercent;
    if (ld.signum() < 0 || ld.compareTo(Money.HUNDRED) > 0) {
      throw new IllegalArgumentException(
          "liquidated damages must be between 0 and 100 % of the overdue instalment, got " + ld);
    }
    liquidatedDamagesPercent = ld;
  }

  /** The overdue rate the contract claims: its own, or else the contract rate. */
  public Rate overdueRateOr(Rate contractRate) {
    return overdueRate == null ? contractRate : overdueRate;
  }
}
