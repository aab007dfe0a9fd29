package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds monthly schedules: equal instalment, equal principal, interest first and flat fee. Payment k
 * falls due {@code k} months after the start. Under 30/360 every period costs the monthly rate; under
 * act/360 and act/365 the daily rate times the actual days of the period.
 */
final class MonthlySchedule {
  private MonthlySchedule() {}

  static Schedule build(Contract c) {
    BigDecimal principal = c.amount();
    int n = c.term().count();
    BigDecimal r = c.rate().monthlyFraction();
    BigDecimal fee = c.fees().perPeriod();
    BigDecimal level = levelPayment(principal, r, n);
    BigDecimal equalPart = principal.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    BigDecimal balance = principal;
    List<Instalment> out = new ArrayList<>(n);
    LocalDate from = c.start();
    for (int k = 1; k <= n; k++) {
      LocalDate due = c.start().plusMonths(k);
      BigDecimal interest =
          switch (c.method()) {
            case FLAT_FEE -> Money.cents(principal.multiply(r));
            case INTEREST_FIRST -> Money.cents(principal.multiply(fraction(c, from, due)));
            default -> Money.cents(balance.multiply(fraction(c, from, due)));
          };
      BigDecimal part;
      if (k == n) {
        part = balance;
      } else {
        part =
            switch (c.method()) {
              case EQUAL_INSTALMENT -> level.subtract(interest).max(BigDecimal.ZERO).min(balance);
              case EQUAL_PRINCIPAL, FLAT_FEE -> equalPart.min(balance);
              default -> BigDecimal.ZERO;
            };
      }
      balance = balance.subtract(part);
      out.add(Instalment.of(k, due, part, interest, fee, balance));
      from = due;
    }
    return new Schedule(out);
  }

  /** The equal instalment P·r(1+r)^n / ((1+r)^n − 1) rounded to the cent; P/n when r is 0. */
  static BigDecimal levelPayment(BigDecimal principal, BigDecimal r, int n) {
    if (r.signum() == 0) {
      return principal.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }
    BigDecimal growth = BigDecimal.ONE.add(r).pow(n, Money.MATH);
    BigDecimal payment =
        principal.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), Money.MATH);
    return Money.cents(payment);
  }

  /**
   * The textbook total interest without rounding each period, as online calculators print it: for
   * equal instalments the unrounded payment × n − P, for equal principal P·r·(n+1)/2; other methods
   * have no rounding residue and get their schedule's total.
   */
  static BigDecimal closedFormInterest(Contract c) {
    BigDecimal p = c.amount();
    BigDecimal r = c.rate().monthlyFraction();
    int n = c.term().count();
    if (c.method() == RepaymentMethod.EQUAL_INSTALMENT && r.signum() > 0) {
      BigDecimal growth = BigDecimal.ONE.add(r).pow(n, Money.MATH);
      BigDecimal payment =
          p.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), Money.MATH);
      return Money.cents(payment.multiply(BigDecimal.valueOf(n)).subtract(p));
    }
    if (c.method() == RepaymentMethod.EQUAL_PRINCIPAL) {
      return Money.cents(p.multiply(r).multiply(BigDecimal.valueOf(n + 1)).divide(
          BigDecimal.valueOf(2), Money.MATH));
    }
    return Schedule.of(c).totalInterest();
  }

  private static BigDecimal fraction(Contract c, LocalDate from, LocalDate to) {
    if (c.dayCount() == DayCount.THIRTY_360) {
      return c.rate().monthlyFraction();
    }
    return c.rate()
        .dailyFraction(c.dayCount())
        .multiply(BigDecimal.valueOf(c.dayCount().days(from, to)));
  }
}
