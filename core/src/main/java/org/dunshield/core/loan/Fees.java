package org.dunshield.core.loan;

import java.math.BigDecimal;

/**
 * Fees on top of interest: one charged at signing ({@code upfront}, often deducted from the money
 * paid out: "砍头息") and one charged with every payment ({@code perPeriod}: service, insurance,
 * membership fees and the like).
 */
public record Fees(BigDecimal upfront, BigDecimal perPeriod) {
  public static final Fees NONE = new Fees(BigDecimal.ZERO, BigDecimal.ZERO);

  public Fees {
    upfront = Money.requireNonNegative(upfront == null ? BigDecimal.ZERO : upfront, "fee up front");
    perPeriod =
        Money.requireNonNegative(
            perPeriod == null ? BigDecimal.ZERO : perPeriod, "fee per period");
  }
}
