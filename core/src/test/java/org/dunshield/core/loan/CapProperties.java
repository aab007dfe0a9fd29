package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CapProperties {
  private static final LprTable LPR = LprTable.bundled();

  @Property(tries = 300)
  void aCapNeverRaisesACharge(@ForAll("contracts") Contract c) {
    CapCheck check = CapCheck.of(c, LPR);
    assertThat(check.supported()).isLessThanOrEqualTo(check.charges());
    assertThat(check.excess()).isNotNegative();
    assertThat(check.excessOverCeiling()).isNotNegative();
    assertThat(check.excessOverCeiling()).isLessThanOrEqualTo(check.excess());
    assertThat(check.supported().add(check.excess())).isEqualByComparingTo(check.charges());
  }

  @Property(tries = 300)
  void aLoanWithinItsCapHasNoExcess(@ForAll("contracts") Contract c) {
    CapCheck check = CapCheck.of(c, LPR);
    if (c.withheld().signum() == 0 && c.fees().perPeriod().signum() == 0
        && c.method() != RepaymentMethod.FLAT_FEE && c.method() != RepaymentMethod.BULLET
        && c.rate().annualPercent().compareTo(check.cap().limitPercent()) <= 0) {
      assertThat(check.excess()).isEqualByComparingTo("0");
      assertThat(check.exceedsLimit()).isFalse();
    }
  }

  @Provide
  Arbitrary<Contract> contracts() {
    return Combinators.combine(
            Arbitraries.bigDecimals().between(new BigDecimal("500"), new BigDecimal("200000"))
                .ofScale(2),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60")).ofScale(2),
            Arbitraries.integers().between(1, 36),
            Arbitraries.of(RepaymentMethod.class),
            Arbitraries.of(LenderKind.class),
            Arbitraries.integers().between(0, 2400).map(d -> LocalDate.of(2019, 9, 1).plusDays(d)),
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 30))
        .as((amount, rate, months, method, kind, signed, feePercent, perPeriod) -> {
          BigDecimal fee = amount.multiply(BigDecimal.valueOf(feePercent))
              .divide(Money.HUNDRED).setScale(2, java.math.RoundingMode.HALF_UP);
          return Contract.builder().amount(amount).rate(new Rate(rate, RateBasis.ANNUAL))
              .term(Term.months(months)).method(method).lender("x", kind).signed(signed)
              .start(signed).fees(new Fees(fee, BigDecimal.valueOf(perPeriod))).build();
        });
  }
}
