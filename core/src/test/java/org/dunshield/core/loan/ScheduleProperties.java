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

class ScheduleProperties {
  @Property
  void principalPartsAddUpToThePrincipalExactly(@ForAll("contracts") Contract c) {
    Schedule s = Schedule.of(c);
    assertThat(s.totalPrincipal()).isEqualByComparingTo(c.amount());
    assertThat(s.last().balance()).isEqualByComparingTo("0");
    assertThat(s.instalments()).allSatisfy(i -> {
      assertThat(i.balance()).isNotNegative();
      assertThat(i.principal()).isNotNegative();
      assertThat(i.interest()).isNotNegative();
    });
  }

  @Property
  void everyAmountIsInCents(@ForAll("contracts") Contract c) {
    assertThat(Schedule.of(c).instalments())
        .allSatisfy(i -> assertThat(i.payment().scale()).isEqualTo(2));
  }

  @Property(tries = 200)
  void theTrueCostOfAFeeFreeDecliningLoanIsItsRate(@ForAll("declining") Contract c) {
    TrueCost cost = TrueCost.of(c);
    BigDecimal stated = c.rate().annualPercent().divide(Money.HUNDRED);
    assertThat(cost.nominalAnnual().subtract(stated).abs()).isLessThan(new BigDecimal("0.0001"));
  }

  @Property(tries = 200)
  void aScheduleOf360MonthsIsComplete(@ForAll("declining") Contract c) {
    Contract longest = new Contract(c.lender(), c.type(), c.currency(), c.purpose(), c.amount(),
        c.received(), c.rate(), Term.months(360), c.method(), c.signed(), c.start(), c.dayCount(),
        c.fees(), c.onDefault());
    // Its speed (milliseconds) is measured by the bench module, not asserted on a shared machine.
    assertThat(Schedule.of(longest).instalments()).hasSize(360);
  }

  @Provide
  Arbitrary<Contract> contracts() {
    return Combinators.combine(
            amounts(),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("36")).ofScale(2),
            Arbitraries.integers().between(1, 360),
            Arbitraries.of(RepaymentMethod.class),
            Arbitraries.of(DayCount.class),
            dates())
        .as((amount, rate, months, method, dayCount, start) ->
            Contract.builder().amount(amount).rate(new Rate(rate, RateBasis.ANNUAL))
                .term(Term.months(months)).method(method).dayCount(dayCount).start(start).build());
  }

  @Provide
  Arbitrary<Contract> declining() {
    return Combinators.combine(
            amounts(),
            Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("36")).ofScale(2),
            Arbitraries.integers().between(1, 360),
            Arbitraries.of(RepaymentMethod.EQUAL_INSTALMENT, RepaymentMethod.EQUAL_PRINCIPAL,
                RepaymentMethod.INTEREST_FIRST),
            dates())
        .as((amount, rate, months, method, start) ->
            Contract.builder().amount(amount).rate(new Rate(rate, RateBasis.ANNUAL))
                .term(Term.months(months)).method(method).start(start).build());
  }

  private static Arbitrary<BigDecimal> amounts() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("1000"), new BigDecimal("5000000"))
        .ofScale(2);
  }

  private static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2018, 1, 1).plusDays(d));
  }
}
