package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrincipalRecomputationTest {
  @Test
  void interestDeductedUpFrontIsRecomputedOnWhatWasReceived() {
    Contract c = Loans.monthly("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT)
        .upfrontFee("1000").build();
    PrincipalRecomputation art670 = PrincipalRecomputation.of(c);
    assertThat(art670.applies()).isTrue();
    assertThat(art670.lawfulPrincipal()).isEqualByComparingTo("9000");
    Schedule onNine = Schedule.of(Loans.contract("9000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT));
    assertThat(art670.lawfulSchedule()).isEqualTo(onNine);
    assertThat(art670.contractTotal()).isEqualByComparingTo("10661.86");
    assertThat(art670.lawfulTotal()).isEqualByComparingTo(onNine.totalPaid());
    assertThat(art670.overcharge())
        .isEqualByComparingTo(new java.math.BigDecimal("10661.86").subtract(onNine.totalPaid()));
  }

  @Test
  void aLoanPaidOutInFullIsUnchanged() {
    PrincipalRecomputation art670 =
        PrincipalRecomputation.of(Loans.contract("10000", "12", 12, RepaymentMethod.EQUAL_PRINCIPAL));
    assertThat(art670.applies()).isFalse();
    assertThat(art670.overcharge()).isEqualByComparingTo("0");
  }
}
