package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.loan.Loans.contract;
import static org.dunshield.core.loan.RepaymentMethod.EQUAL_PRINCIPAL;

import org.junit.jupiter.api.Test;

class EqualPrincipalTest {
  @Test
  void mortgageOfAMillionStartsAt6861point11AndFallsBy11point34() {
    Schedule s = Schedule.of(contract("1000000", "4.9", 360, EQUAL_PRINCIPAL));
    assertThat(s.first().payment()).isEqualByComparingTo("6861.11");
    assertThat(s.instalments().get(1).payment()).isEqualByComparingTo("6849.77");
    assertThat(s.instalments().get(1).payment().subtract(s.instalments().get(2).payment()))
        .isBetween(new java.math.BigDecimal("11.33"), new java.math.BigDecimal("11.35"));
    assertThat(s.totalInterest()).isEqualByComparingTo("737041.08");
    assertThat(s.totalPrincipal()).isEqualByComparingTo("1000000");
  }

  @Test
  void closedFormInterestIsLabelledSeparately() {
    var c = contract("1000000", "4.9", 360, EQUAL_PRINCIPAL);
    assertThat(MonthlySchedule.closedFormInterest(c)).isEqualByComparingTo("737041.67");
  }

  @Test
  void tenThousandAt12PercentRunsFrom933point33To841point70() {
    Schedule s = Schedule.of(contract("10000", "12", 12, EQUAL_PRINCIPAL));
    assertThat(s.first().payment()).isEqualByComparingTo("933.33");
    assertThat(s.last().payment()).isEqualByComparingTo("841.70");
    assertThat(s.totalInterest()).isEqualByComparingTo("650.00");
  }
}
