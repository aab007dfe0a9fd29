package org.dunshield.core.loan;

/** The repository contract on the in-memory repository. */
class InMemoryLoansTest extends LoanRepositoryContract {
  @Override
  protected LoanRepository emptyRepository() {
    return new InMemoryLoans();
  }
}
