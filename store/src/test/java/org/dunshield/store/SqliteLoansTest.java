package org.dunshield.store.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.LoanRepositoryContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loan repository contract on SQLite, in a fresh data directory per test. */
class SqliteLoansTest extends LoanRepositoryContract {
  @TempDir Path dataDir;

  @Override
  protected LoanRepository emptyRepository() {
    return LoanStore.openDirectory(dataDir).loans();
  }

  @Test
  void ownersDoNotSeeEachOthersLoans() {
    LoanStore store = LoanStore.openDirectory(dataDir);
    long id = store.forOwner(1).add(everyField());
    assertThat(store.forOwner(2).list()).isEmpty();
    assertThat(store.forOwner(2).find(id)).isEmpty();
    assertThat(store.forOwner(1).find(id)).isPresent();
  }

  @Test
  void loansSurviveReopening() {
    long id = LoanStore.openDirectory(dataDir).loans().add(everyField());
    assertThat(LoanStore.openDirectory(dataDir).loans().find(id).orElseThrow().contract())
        .isEqualTo(everyField());
  }
}
