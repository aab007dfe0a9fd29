package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.util.Objects;

/** Money the borrower paid on a date, more than zero, in cents. */
public record Payment(java.time.LocalDate date, BigDecimal amount) {
  public Payment {
    Objects.requireNonNull(date, "date");
    amount = Money.requirePositive(amount, "payment");
  }
}
