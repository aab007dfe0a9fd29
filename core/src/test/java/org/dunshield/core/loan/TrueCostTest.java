package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrueCostTest {
  @Test
  void tenThousandAt12PercentCosts12point00NominalAnd12point68Effective() {
    TrueCost cost = TrueCost.of(Loans.contract("10000", "12", 12, RepaymentMethod.EQUAL_INSTALMENT));
    assertThat(cost.nominalPercent()).isEqualByComparingTo("12.00");
    assertThat(cost.effectivePercent()).isEqualByComparingTo("12.68");
    assertThat(cost.monthlyPercent().setScale(4, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("1.0000");
    assertThat(cost.cost()).isEqualByComparingTo("661.86");
  }

  @Test
  void aFlatMonthlyFeeWithAFeeUpFrontCostsWhatTheRegulatorSays() {
    // 100,000 paid out in full, 1,000 paid at signing, 0.5 % a month on the original principal.
    Contract c = Contract.builder().amount("100000").received("100000").upfrontFee("1000")
        .rate(Rate.monthly("0.5")).term(Term.months(12)).method(RepaymentMethod.FLAT_FEE)
        .start(LocalDate.of(2024, 1, 1)).build();
    assertThat(c.netReceived()).isEqualByComparingTo("99000");
    TrueCost cost = TrueCost.of(c);
    assertThat(Schedule.of(c).first().payment()).isEqualByComparingTo("8833.33");
    assertThat(cost.nominalPercent()).isEqualByComparingTo("12.80");
    assertThat(cost.effectivePercent()).isEqualByComparingTo("13.58");
  }

  @Test
  void aFeeDeductedFromThePayoutCountsAsNotReceived() {
    Contract c = Contract.builder().amount("10000").upfrontFee("1000")
        .rate(Rate.annual("12")).term(Term.months(12)).method(RepaymentMethod.EQUAL_INSTALMENT)
        .start(LocalDate.of(2024, 1, 1)).build();
    assertThat(c.received()).isEqualByComparingTo("9000");
    assertThat(c.netReceived()).isEqualByComparingTo("9000");
    TrueCost cost = TrueCost.of(c);
    assertThat(cost.cost()).isEqualByComparingTo("1661.86");
    assertThat(cost.nominalPercent()).isEqualByComparingTo("32.50");
    assertThat(cost.effectivePercent()).isEqualByComparingTo("37.81");
  }

  @Test
  void aBulletLoanIsOnePeriodOfItsOwnLength() {
    Contract c = Contract.builder().amount("10000").rate(Rate.daily("0.05")).term(Term.days(30))
        .method(RepaymentMethod.BULLET).start(LocalDate.of(2024, 1, 1)).build();
    TrueCost cost = TrueCost.of(c);
    assertThat(cost.nominalPercent()).isEqualByComparingTo("18.25");
    assertThat(cost.effectivePercent()).isEqualByComparingTo(cost.xirrPercent());
  }
}
