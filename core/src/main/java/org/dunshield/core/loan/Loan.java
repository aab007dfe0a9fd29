package org.dunshield.core.loan;

import java.util.List;
import java.util.Objects;

/** A stored contract with its id and the payments recorded against it, oldest first. */
public record Loan(long id, Contract contract, List<Payment> payments) {
  public Loan {
    Objects.requireNonNull(contract, "contract");
    payments = List.copyOf(payments);
  }
}
