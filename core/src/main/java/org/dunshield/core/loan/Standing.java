package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a stored loan stands on a day: its overdue report, the next instalment due from that day on
 * ({@code null} once the loan is paid off or past its last due date) and everything paid so far.
 */
public record Standing(Loan loan, OverdueReport report, Instalment nextDue, BigDecimal paid) {
  public Standing {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(paid, "paid");
  }

  static Standing of(Loan loan, OverdueReport report) {
    Instalment next = null;
    if (!report.closed()) {
      for (Instalment i : Schedule.of(loan.contract()).instalments()) {
        if (!i.date().isBefore(report.asOf())) {
          next = i;
          break;
        }
      }
    }
    BigDecimal paid = BigDecimal.ZERO;
    for (Payment p : loan.payments()) {
      paid = paid.add(p.amount());
    }
    return new Standing(loan, report, next, paid);
  }
}
