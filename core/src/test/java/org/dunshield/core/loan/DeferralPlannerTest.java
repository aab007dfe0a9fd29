package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferralPlannerTest {
  private final DeferralPlanner planner = new DeferralPlanner(LprTable.bundled());
  private final LocalDate asOf = LocalDate.of(2024, 6, 1);

  private static Contract loan(String percent, LenderKind kind) {
    return Loans.monthly("10000", percent, 12, RepaymentMethod.EQUAL_INSTALMENT)
        .lender("Lender", kind)
        .onDefault(new DefaultTerms(Rate.annual("24"), new BigDecimal("5")))
        .build();
  }

  @Test
  void aModestBudgetGetsTheFewestMonthsAtTheContractRate() {
    DeferralPlan p = planner.plan(loan("12", LenderKind.BANK), List.of(), asOf,
        new BigDecimal("500"));
    assertThat(p.treatment()).isEqualTo(InterestTreatment.CONTRACT_RATE);
    assertThat(p.instalment()).isLessThanOrEqualTo(new BigDecimal("500"));
    assertThat(p.months()).isBetween(2, 36);
    assertThat(MonthlySchedule.levelPayment(p.toRepay(), new BigDecimal("0.01"), p.months() - 1))
        .isGreaterThan(new BigDecimal("500"));
    assertThat(p.toRepay()).isEqualByComparingTo(p.standing().outstandingPrincipal()
        .add(p.standing().overdueInterest()));
    assertThat(p.toRepay().add(p.waiverRequested())).isEqualByComparingTo(p.standing().payoff());
    assertThat(p.waiverRequested()).isPositive();
    assertThat(p.firstDue()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(p.withinBudget()).isTrue();
  }

  @Test
  void aRateAboveTheLimitIsReducedToIt() {
    DeferralPlan p = planner.plan(loan("30", LenderKind.MICROLOAN), List.of(), asOf,
        new BigDecimal("2000"));
    assertThat(p.treatment()).isEqualTo(InterestTreatment.CAPPED_RATE);
    assertThat(p.annualPercent()).isEqualByComparingTo("24.00");
  }

  @Test
  void aTinyBudgetAsksToFreezeInterest() {
    DeferralPlan p = planner.plan(loan("12", LenderKind.BANK), List.of(), asOf,
        new BigDecimal("200"));
    assertThat(p.treatment()).isEqualTo(InterestTreatment.FROZEN);
    assertThat(p.months()).isEqualTo(p.toRepay()
        .divide(new BigDecimal("200"), 0, java.math.RoundingMode.CEILING).intValue());
    assertThat(p.annualPercent()).isEqualByComparingTo("0");
    assertThat(p.withinBudget()).isTrue();
    DeferralPlan hopeless = planner.plan(loan("12", LenderKind.BANK), List.of(), asOf,
        new BigDecimal("50"));
    assertThat(hopeless.months()).isEqualTo(60);
    assertThat(hopeless.withinBudget()).isFalse();
  }

  @Test
  void badBudgetsAndPaidOffLoansAreRejected() {
    assertThatThrownBy(() -> planner.plan(loan("12", LenderKind.BANK), List.of(), asOf,
        BigDecimal.ZERO)).hasMessageContaining("monthly budget must be more than zero");
    Contract c = loan("12", LenderKind.BANK);
    List<Payment> all = Schedule.of(c).instalments().stream()
        .map(i -> new Payment(i.date(), i.payment())).toList();
    assertThatThrownBy(() -> planner.plan(c, all, LocalDate.of(2025, 3, 1), BigDecimal.TEN))
        .hasMessageContaining("nothing to defer");
  }
}
