package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BulletTest {
  private static Contract bullet(Term term, Rate rate) {
    return Contract.builder()
        .amount("10000")
        .rate(rate)
        .term(term)
        .method(RepaymentMethod.BULLET)
        .start(LocalDate.of(2024, 3, 1))
        .build();
  }

  @Test
  void tenThousandAtFiveHundredthsOfAPercentADayCosts150For30Days() {
    Schedule s = Schedule.of(bullet(Term.days(30), Rate.daily("0.05")));
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.first().interest()).isEqualByComparingTo("150.00");
    assertThat(s.first().payment()).isEqualByComparingTo("10150.00");
    assertThat(s.first().date()).isEqualTo(LocalDate.of(2024, 3, 31));
  }

  @Test
  void andCosts1825For365Days() {
    Schedule s = Schedule.of(bullet(Term.days(365), Rate.daily("0.05")));
    assertThat(s.first().interest()).isEqualByComparingTo("1825.00");
  }

  @Test
  void anAnnualRateUsesTheDayCountsYear() {
    Contract act360 = Contract.builder().amount("10000").rate(Rate.annual("18"))
        .term(Term.days(365)).method(RepaymentMethod.BULLET).start(LocalDate.of(2024, 3, 1))
        .dayCount(DayCount.ACT_360).build();
    Contract act365 = Contract.builder().amount("10000").rate(Rate.annual("18"))
        .term(Term.days(365)).method(RepaymentMethod.BULLET).start(LocalDate.of(2024, 3, 1))
        .dayCount(DayCount.ACT_365).build();
    assertThat(Schedule.of(act360).first().interest()).isEqualByComparingTo("1825.00");
    assertThat(Schedule.of(act365).first().interest()).isEqualByComparingTo("1800.00");
  }

  @Test
  void aTermInMonthsCountsTheDaysBetweenTheDates() {
    Contract c = Contract.builder().amount("10000").rate(Rate.daily("0.05"))
        .term(Term.months(1)).method(RepaymentMethod.BULLET).start(LocalDate.of(2024, 1, 1))
        .dayCount(DayCount.ACT_365).build();
    assertThat(Schedule.of(c).first().interest()).isEqualByComparingTo("155.00");
  }
}
