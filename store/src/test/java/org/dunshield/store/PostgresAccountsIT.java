package org.dunshield.store;

/** The accounts contract on the shared embedded PostgreSQL (TestPostgres), one database per test. */
class PostgresAccountsIT extends AccountsContract {
  private final String url = TestPostgres.newDatabase("accounts_test");

  @Override
  protected Database open() {
    return Database.open(url, TestPostgres.USER, null);
  }
}
