package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.LoanRepositoryContract;
import org.dunshield.core.loan.Payment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's loan repository contract on the store's {@link Database#loans()}, plus what the store
 * adds: owner isolation. Subclasses give a fresh, empty database per test; every database opened
 * here is closed after the test.
 */
abstract class LoansContract extends LoanRepositoryContract {
  private final List<Database> opened = new ArrayList<>();

  /** Opens the test's database (the same one on every call within a test). */
  protected abstract Database openDatabase();

  protected final Database database() {
    Database db = openDatabase();
    opened.add(db);
    return db;
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(Database::close);
  }

  @Override
  protected LoanRepository emptyRepository() {
    return database().loans();
  }

  @Test
  void ownersDoNotSeeEachOthersLoans() {
    Database db = database();
    long id = db.forOwner(1).loans().add(everyField());
    assertThat(db.forOwner(2).loans().list()).isEmpty();
    assertThat(db.forOwner(2).loans().find(id)).isEmpty();
    assertThat(db.forOwner(1).loans().find(id)).isPresent();
    assertThat(db.loans().find(id)).isPresent();
  }

  @Test
  void anotherOwnerCannotPayOnALoanThatIsNotTheirs() {
    Database db = database();
    long id = db.loans().add(everyField());
    Payment payment = new Payment(LocalDate.of(2024, 3, 1), BigDecimal.TEN);
    assertThatThrownBy(() -> db.forOwner(2).loans().addPayment(id, payment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no loan with id " + id);
    assertThat(db.loans().find(id).orElseThrow().payments()).isEmpty();
  }

  @Test
  void loansSurviveReopening() {
    long id;
    try (Database db = openDatabase()) {
      id = db.loans().add(everyField());
    }
    try (Database db = openDatabase()) {
      assertThat(db.loans().find(id).orElseThrow().contract()).isEqualTo(everyField());
    }
  }
}
