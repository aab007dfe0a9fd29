package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds the schedule of a bullet loan: principal plus principal × daily rate × days, all at
 * maturity. A term in days counts exactly those days; a term in months counts the days between start
 * and maturity under the contract's day count.
 */
final class BulletSchedule {
  private BulletSchedule() {}

  static Schedule build(Contract c) {
    LocalDate maturity = c.maturity();
    BigDecimal interest =
        Money.cents(
            c.amount()
                .multiply(c.rate().dailyFraction(c.dayCount()))
                .multiply(BigDecimal.valueOf(days(c))));
    BigDecimal zero = BigDecimal.ZERO;
    return new Schedule(
        List.of(Instalment.of(1, maturity, c.amount(), interest, c.fees().perPeriod(), zero)));
  }

  /** The days of interest of a bullet loan. */
  static long days(Contract c) {
    return c.term().unit() == Term.Unit.DAYS
        ? c.term().count()
        : c.dayCount().days(c.start(), c.maturity());
  }
}
