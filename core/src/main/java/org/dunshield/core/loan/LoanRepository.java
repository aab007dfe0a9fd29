package org.dunshield.core.loan;

import java.util.List;
import java.util.Optional;

/**
 * Where loans and their payments are kept. Implementations store exactly what they are given and
 * are thread-safe; checking a payment against the contract is {@link LoanDesk}'s job, so nothing
 * invalid reaches a repository.
 */
public interface LoanRepository {
  /** Stores a contract; returns its new id (ids start at 1 and increase). */
  long add(Contract contract);

  /** The loan with this id and its payments, if stored. */
  Optional<Loan> find(long id);

  /** Every loan, by id. */
  List<Loan> list();

  /** Records a payment against a stored loan; throws IllegalArgumentException for unknown ids. */
  void addPayment(long loanId, Payment payment);
}
