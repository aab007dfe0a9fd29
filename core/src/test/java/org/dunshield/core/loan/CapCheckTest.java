package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CapCheckTest {
  private static final LprTable LPR = LprTable.bundled();

  private static Contract.Builder loan(String percent, LenderKind kind, LocalDate signed) {
    return Loans.monthly("10000", percent, 12, RepaymentMethod.EQUAL_INSTALMENT)
        .lender("Lender", kind)
        .signed(signed)
        .start(signed);
  }

  @Test
  void privateLendingIsCappedAtFourTimesTheLprAtSigning() {
    CapCheck check = CapCheck.of(loan("15", LenderKind.PRIVATE, LocalDate.of(2025, 6, 1)).build(),
        LPR);
    assertThat(check.cap().rule()).isEqualTo(CapRule.PRIVATE_FOUR_LPR);
    assertThat(check.cap().lprPercent()).isEqualByComparingTo("3.00");
    assertThat(check.cap().limitPercent()).isEqualByComparingTo("12.00");
    assertThat(check.exceedsLimit()).isTrue();
    assertThat(check.supported()).isEqualByComparingTo("661.86");
    assertThat(check.excess()).isEqualByComparingTo(check.charges().subtract(check.supported()));
    assertThat(check.excess()).isPositive();
  }

  @Test
  void theLprIsTheOneInForceOnTheDayOfSigning() {
    LegalCap before = LegalCap.of(LenderKind.PRIVATE, LocalDate.of(2024, 10, 20), LPR);
    LegalCap after = LegalCap.of(LenderKind.PRIVATE, LocalDate.of(2024, 10, 21), LPR);
    assertThat(before.limitPercent()).isEqualByComparingTo("13.40");
    assertThat(after.limitPercent()).isEqualByComparingTo("12.40");
  }

  @Test
  void privateLoansSignedBeforeAugust2020KeepTheOld24And36Bands() {
    LegalCap cap = LegalCap.of(LenderKind.PRIVATE, LocalDate.of(2020, 8, 19), LPR);
    assertThat(cap.rule()).isEqualTo(CapRule.PRIVATE_24_36);
    assertThat(cap.limitPercent()).isEqualByComparingTo("24");
    assertThat(cap.ceilingPercent()).isEqualByComparingTo("36");
  }

  @Test
  void licensedLendersAreHeldTo24And36() {
    CapCheck ok = CapCheck.of(loan("12", LenderKind.BANK, LocalDate.of(2025, 6, 1)).build(), LPR);
    assertThat(ok.cap().rule()).isEqualTo(CapRule.LICENSED_24_36);
    assertThat(ok.exceedsLimit()).isFalse();
    assertThat(ok.excess()).isEqualByComparingTo("0");
    CapCheck dear =
        CapCheck.of(loan("30", LenderKind.MICROLOAN, LocalDate.of(2025, 6, 1)).build(), LPR);
    assertThat(dear.exceedsLimit()).isTrue();
    assertThat(dear.exceedsCeiling()).isFalse();
    assertThat(dear.excessOverCeiling()).isEqualByComparingTo("0");
    assertThat(dear.excess()).isPositive();
  }

  @Test
  void aFeeTakenUpFrontCanPushALoanAt12PercentAbove24() {
    Contract c = loan("12", LenderKind.MICROLOAN, LocalDate.of(2025, 6, 1))
        .upfrontFee("1000").build();
    CapCheck check = CapCheck.of(c, LPR);
    assertThat(check.trueCostPercent()).isEqualByComparingTo("32.50");
    assertThat(check.exceedsLimit()).isTrue();
    assertThat(check.charges()).isEqualByComparingTo("1661.86");
    // 9,000 at 24 % for 12 months, equal instalments: 851.04 a month.
    assertThat(check.supported()).isEqualByComparingTo("1212.45");
    assertThat(check.excess()).isEqualByComparingTo("449.41");
  }
}
