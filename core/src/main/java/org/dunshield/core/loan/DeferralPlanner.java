package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Proposes a plan the borrower can keep from a monthly budget. In order: equal instalments at the
 * contract rate (reduced to the legal limit if the contract exceeds it) over at most {@link
 * #MAX_MONTHS} months; else interest frozen over at most {@link #MAX_FROZEN_MONTHS} months; else the
 * frozen plan over that many months, flagged as beyond the budget. Thread-safe.
 */
public final class DeferralPlanner {
  /** The longest plan proposed while interest continues. */
  public static final int MAX_MONTHS = 36;

  /** The longest plan proposed at all. */
  public static final int MAX_FROZEN_MONTHS = 60;

  private final LprTable lpr;

  public DeferralPlanner(LprTable lpr) {
    this.lpr = lpr;
  }

  public DeferralPlan plan(
      Contract contract, List<Payment> payments, LocalDate asOf, BigDecimal monthlyBudget) {
    BigDecimal budget = Money.requirePositive(monthlyBudget, "monthly budget");
    LegalCap cap = LegalCap.of(contract, lpr);
    OverdueReport standing = Ledger.overdue(contract, payments, asOf, cap);
    if (standing.closed()) {
      throw new IllegalArgumentException(
          "nothing to defer: the loan was paid off on " + standing.closedOn());
    }
    BigDecimal waiver =
        standing
            .overdueInterestClaimed()
            .add(standing.damagesClaimed())
            .subtract(standing.chargesPaid())
            .max(BigDecimal.ZERO)
            .setScale(2);
    BigDecimal toRepay = standing.payoff().subtract(waiver);
    BigDecimal contractPercent = contract.rate().annualPercent();
    boolean capped = contractPercent.compareTo(cap.limitPercent()) > 0;
    BigDecimal percent = capped ? cap.limitPercent() : contractPercent;
    BigDecimal r = new Rate(percent, RateBasis.ANNUAL).monthlyFraction();
    InterestTreatment treatment =
        capped ? InterestTreatment.CAPPED_RATE : InterestTreatment.CONTRACT_RATE;
    int months = monthsWithin(toRepay, r, budget, MAX_MONTHS);
    boolean within = true;
    if (months == 0) {
      percent = BigDecimal.ZERO;
      treatment = InterestTreatment.FROZEN;
      months = monthsWithin(toRepay, BigDecimal.ZERO, budget, MAX_FROZEN_MONTHS);
      if (months == 0) {
        months = MAX_FROZEN_MONTHS;
        within = false;
      }
    }
    Contract plan =
        Contract.builder()
            .lender(contract.lender().name(), contract.lender().kind())
            .currency(contract.currency())
            .amount(toRepay)
            .rate(new Rate(percent, RateBasis.ANNUAL))
            .term(Term.months(months))
            .method(RepaymentMethod.EQUAL_INSTALMENT)
            .start(asOf)
            .build();
    Schedule schedule = Schedule.of(plan);
    return new DeferralPlan(
        asOf, budget, toRepay, waiver, schedule.first().payment(), months,
        percent.setScale(2, RoundingMode.HALF_UP), treatment, schedule.first().date(), within,
        schedule, standing, CapCheck.of(contract, lpr));
  }

  /** The fewest months whose level payment fits the budget, or 0 if none up to {@code max}. */
  private static int monthsWithin(BigDecimal amount, BigDecimal r, BigDecimal budget, int max) {
    for (int n = 1; n <= max; n++) {
      if (MonthlySchedule.levelPayment(amount, r, n).compareTo(budget) <= 0) {
        return n;
      }
    }
    return 0;
  }
}
