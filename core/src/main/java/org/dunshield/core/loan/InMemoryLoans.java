package org.dunshield.core.loan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A repository in memory, for tests and for running without a database. Thread-safe. */
public final class InMemoryLoans implements LoanRepository {
  private final TreeMap<Long, Loan> loans = new TreeMap<>();

  @Override
  public synchronized long add(Contract contract) {
    long id = loans.isEmpty() ? 1 : loans.lastKey() + 1;
    loans.put(id, new Loan(id, contract, List.of()));
    return id;
  }

  @Override
  public synchronized Optional<Loan> find(long id) {
    return Optional.ofNullable(loans.get(id));
  }

  @Override
  public synchronized List<Loan> list() {
    return List.copyOf(loans.values());
  }

  @Override
  public synchronized void addPayment(long loanId, Payment payment) {
    Loan loan = loans.get(loanId);
    if (loan == null) {
      throw new IllegalArgumentException("no loan with id " + loanId);
    }
    List<Payment> payments = new ArrayList<>(loan.payments());
    payments.add(payment);
    loans.put(loanId, new Loan(loanId, loan.contract(), payments));
  }
}
