package org.dunshield.core.loan;

import java.util.Objects;

/** Who lent the money: a name as it appears on the contract (may be empty) and the lender's kind. */
public record Lender(String name, LenderKind kind) {
  public Lender {
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name.strip();
  }
}
