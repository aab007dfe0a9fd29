package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.loan.Loans.contract;
import static org.dunshield.core.loan.Loans.money;
import static org.dunshield.core.loan.RepaymentMethod.EQUAL_INSTALMENT;

import org.junit.jupiter.api.Test;

class EqualInstalmentTest {
  @Test
  void mortgageOfAMillionAt4point9For360MonthsCosts5307point27AMonth() {
    Schedule s = Schedule.of(contract("1000000", "4.9", 360, EQUAL_INSTALMENT));
    assertThat(s.size()).isEqualTo(360);
    assertThat(s.first().payment()).isEqualByComparingTo("5307.27");
    assertThat(s.instalments().get(358).payment()).isEqualByComparingTo("5307.27");
    assertThat(s.last().payment()).isEqualByComparingTo("5305.19");
    assertThat(s.totalInterest()).isEqualByComparingTo("910615.12");
    assertThat(s.totalPrincipal()).isEqualByComparingTo("1000000.00");
    assertThat(s.last().balance()).isEqualByComparingTo("0");
  }

  @Test
  void closedFormInterestIsWhatOnlineCalculatorsPrint() {
    var c = contract("1000000", "4.9", 360, EQUAL_INSTALMENT);
    assertThat(MonthlySchedule.closedFormInterest(c)).isEqualByComparingTo("910616.19");
  }

  @Test
  void tenThousandAt12PercentFor12MonthsIs888point49ElevenTimesThen888point47() {
    Schedule s = Schedule.of(contract("10000", "12", 12, EQUAL_INSTALMENT));
    for (int k = 0; k < 11; k++) {
      assertThat(s.instalments().get(k).payment()).isEqualByComparingTo("888.49");
    }
    assertThat(s.last().payment()).isEqualByComparingTo("888.47");
    assertThat(s.totalInterest()).isEqualByComparingTo("661.86");
    assertThat(s.first().interest()).isEqualByComparingTo("100.00");
    assertThat(s.first().principal()).isEqualByComparingTo("788.49");
    assertThat(s.first().balance()).isEqualByComparingTo("9211.51");
  }

  @Test
  void hundredAt7PercentFor12MonthsIs8point65() {
    Schedule s = Schedule.of(contract("100", "7", 12, EQUAL_INSTALMENT));
    assertThat(s.first().payment()).isEqualByComparingTo("8.65");
    assertThat(s.totalPrincipal()).isEqualByComparingTo(money("100"));
  }

  @Test
  void paymentsFallDueMonthlyFromTheStartClampedToMonthEnds() {
    var c = Loans.monthly("1200", "0", 3, EQUAL_INSTALMENT)
        .start(java.time.LocalDate.of(2024, 1, 31)).build();
    Schedule s = Schedule.of(c);
    assertThat(s.instalments()).extracting(Instalment::date).extracting(Object::toString)
        .containsExactly("2024-02-29", "2024-03-31", "2024-04-30");
    assertThat(s.instalments()).extracting(Instalment::payment).allSatisfy(
        p -> assertThat(p).isEqualByComparingTo("400.00"));
  }

  @Test
  void actualDayCountsChargeInterestForTheDaysOfEachMonth() {
    var c = Loans.monthly("10000", "12", 2, EQUAL_INSTALMENT)
        .start(java.time.LocalDate.of(2024, 1, 1)).dayCount(DayCount.ACT_365).build();
    Schedule s = Schedule.of(c);
    // January has 31 days: 10000 × 0.12 × 31 / 365 = 101.917...
    assertThat(s.first().interest()).isEqualByComparingTo("101.92");
    assertThat(s.totalPrincipal()).isEqualByComparingTo("10000");
  }

  @Test
  void perPeriodFeesAreAddedToEveryPayment() {
    var c = Loans.monthly("10000", "12", 12, EQUAL_INSTALMENT)
        .fees(new Fees(java.math.BigDecimal.ZERO, money("20"))).build();
    Schedule s = Schedule.of(c);
    assertThat(s.first().payment()).isEqualByComparingTo("908.49");
    assertThat(s.totalFees()).isEqualByComparingTo("240.00");
  }
}
