package org.dunshield.core.loan;

import java.math.BigDecimal;

/**
 * Civil Code art. 670: interest may not be deducted from the principal up front; when it was, the
 * loan is repaid and interest computed on what was actually received. This compares the contract's
 * schedule with the schedule on the net amount received, at the same rate, term and method and
 * without the up-front fee; {@code overcharge} is how much more the contract demands.
 */
public record PrincipalRecomputation(
    BigDecimal contractPrincipal,
    BigDecimal lawfulPrincipal,
    Schedule lawfulSchedule,
    BigDecimal contractTotal,
    BigDecimal lawfulTotal,
    BigDecimal overcharge) {

  public static PrincipalRecomputation of(Contract contract) {
    Schedule demanded = Schedule.of(contract);
    BigDecimal principal = contract.netReceived();
    Contract lawful =
        contract.withPrincipal(principal, new Fees(BigDecimal.ZERO, contract.fees().perPeriod()));
    Schedule schedule = Schedule.of(lawful);
    return new PrincipalRecomputation(
        contract.amount(),
        principal,
        schedule,
        demanded.totalPaid(),
        schedule.totalPaid(),
        demanded.totalPaid().subtract(schedule.totalPaid()));
  }

  /** Whether anything was withheld up front, so that art. 670 changes the principal. */
  public boolean applies() {
    return lawfulPrincipal.compareTo(contractPrincipal) < 0;
  }
}
