package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * A repayment schedule: instalments in date order. Interest is rounded half-up to the cent every
 * period and the last instalment absorbs the residue, so the principal parts add up to the principal
 * exactly. Building a 360-month schedule takes well under a millisecond.
 */
public record Schedule(List<Instalment> instalments) {
  public Schedule {
    instalments = List.copyOf(instalments);
    if (instalments.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one instalment");
    }
  }

  /** The schedule the contract demands, on its contract amount. */
  public static Schedule of(Contract contract) {
    return contract.method() == RepaymentMethod.BULLET
        ? BulletSchedule.build(contract)
        : MonthlySchedule.build(contract);
  }

  /**
   * The closed-form total interest of a monthly contract (no rounding per period), for showing
   * labelled beside the schedule's own total; see {@code MonthlySchedule#closedFormInterest}.
   */
  public static BigDecimal closedFormInterest(Contract contract) {
    return contract.method() == RepaymentMethod.BULLET
        ? of(contract).totalInterest()
        : MonthlySchedule.closedFormInterest(contract);
  }

  public BigDecimal totalPrincipal() {
    return sum(Instalment::principal);
  }

  public BigDecimal totalInterest() {
    return sum(Instalment::interest);
  }

  public BigDecimal totalFees() {
    return sum(Instalment::fee);
  }

  public BigDecimal totalPaid() {
    return sum(Instalment::payment);
  }

  public Instalment first() {
    return instalments.get(0);
  }

  public Instalment last() {
    return instalments.get(instalments.size() - 1);
  }

  public int size() {
    return instalments.size();
  }

  private BigDecimal sum(Function<Instalment, BigDecimal> part) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Instalment i : instalments) {
      total = total.add(part.apply(i));
    }
    return total;
  }
}
