package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A repayment plan to propose to the lender: {@code toRepay} (all principal plus the interest and
 * fees due up to {@code asOf}, that is the payoff without overdue charges) in {@code months} equal instalments of {@code instalment} from {@code firstDue},
 * with interest at {@code annualPercent} as {@code treatment} says; the overdue interest and
 * liquidated damages still claimed ({@code waiverRequested}) are asked to be waived. {@code
 * withinBudget} is false when even a frozen plan over {@link DeferralPlanner#MAX_FROZEN_MONTHS}
 * months costs more than the budget.
 */
public record DeferralPlan(
    LocalDate asOf,
    BigDecimal budget,
    BigDecimal toRepay,
    BigDecimal waiverRequested,
    BigDecimal instalment,
    int months,
    BigDecimal annualPercent,
    InterestTreatment treatment,
    LocalDate firstDue,
    boolean withinBudget,
    Schedule schedule,
    OverdueReport standing,
    CapCheck capCheck) {
  public DeferralPlan {
    schedule = new Schedule(List.copyOf(schedule.instalments()));
  }
}
