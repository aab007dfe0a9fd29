package org.dunshield.store.evidence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.dunshield.store.Database;
import org.junit.jupiter.api.io.TempDir;

/** The evidence contract on SQLite, in a fresh data directory per test. */
class SqliteEvidenceTest extends EvidenceContract {
  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.openDirectory(dataDir, STORE_CLOCK);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
  }
}
