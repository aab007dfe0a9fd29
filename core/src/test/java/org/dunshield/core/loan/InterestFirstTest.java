package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.loan.Loans.contract;
import static org.dunshield.core.loan.RepaymentMethod.INTEREST_FIRST;

import org.junit.jupiter.api.Test;

class InterestFirstTest {
  @Test
  void paysOneHundredElevenTimesThenTenThousandOneHundred() {
    Schedule s = Schedule.of(contract("10000", "12", 12, INTEREST_FIRST));
    for (int k = 0; k < 11; k++) {
      assertThat(s.instalments().get(k).payment()).isEqualByComparingTo("100.00");
      assertThat(s.instalments().get(k).balance()).isEqualByComparingTo("10000.00");
    }
    assertThat(s.last().payment()).isEqualByComparingTo("10100.00");
    assertThat(s.totalInterest()).isEqualByComparingTo("1200.00");
  }
}
