package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where one payment went under Civil Code art. 561: first to costs (fees and liquidated damages),
 * then to interest (contract interest, then overdue interest), then to principal. {@code prepaid}
 * is principal paid before it fell due; {@code closesLoan} says whether nothing is owed after it.
 */
public record Allocation(
    Payment payment,
    BigDecimal costs,
    BigDecimal interest,
    BigDecimal principal,
    BigDecimal prepaid,
    boolean closesLoan) {
  public Allocation {
    Objects.requireNonNull(payment, "payment");
    BigDecimal sum = costs.add(interest).add(principal).add(prepaid);
    if (sum.compareTo(payment.amount()) != 0) {
      throw new IllegalStateException("allocation " + sum + " differs from payment " + payment);
    }
  }
}
