package org.dunshield.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, in a fresh data directory per test. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.openDirectory(dataDir);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
  }
}
