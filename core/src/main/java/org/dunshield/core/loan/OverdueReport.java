package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a loan stands on {@code asOf}. Overdue amounts are those of instalments whose due date has
 * passed unpaid. {@code overdueInterestClaimed} and {@code damagesClaimed} are what the contract
 * claims for the default from the start (paid or not); {@code chargesPaid} what was already paid of
 * them. Courts support overdue interest and liquidated damages together only up to the cap's annual
 * limit on the overdue principal for the days it was overdue: {@code chargesSupported}, never more
 * than claimed; {@code chargesExcess} is the rest. {@code supportedOutstanding} is what of the
 * supported charges is still unpaid. {@code payoff} settles the whole loan today as the lender
 * claims it; {@code closedOn} is the day the loan was paid off, or {@code null}.
 */
public record OverdueReport(
    LocalDate asOf,
    LocalDate closedOn,
    long daysOverdue,
    BigDecimal overduePrincipal,
    BigDecimal overdueInterest,
    BigDecimal overdueFees,
    BigDecimal overdueInterestClaimed,
    BigDecimal damagesClaimed,
    BigDecimal chargesPaid,
    LegalCap cap,
    BigDecimal chargesSupported,
    BigDecimal chargesExcess,
    BigDecimal supportedOutstanding,
    BigDecimal outstandingPrincipal,
    BigDecimal payoff) {

  /** Overdue principal, interest and fees plus the unpaid overdue charges as the lender claims. */
  public BigDecimal overdueClaimed() {
    return overduePrincipal
        .add(overdueInterest)
        .add(overdueFees)
        .add(overdueInterestClaimed.add(damagesClaimed).subtract(chargesPaid).max(BigDecimal.ZERO));
  }

  /** The same with the overdue charges a court would support. */
  public BigDecimal overdueSupported() {
    return overduePrincipal.add(overdueInterest).add(overdueFees).add(supportedOutstanding);
  }

  public boolean closed() {
    return closedOn != null;
  }
}
