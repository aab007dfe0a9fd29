package org.dunshield.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The loan repository contract on SQLite, in a fresh data directory per test. */
class SqliteLoansTest extends LoansContract {
  @TempDir Path dataDir;

  @Override
  protected Database openDatabase() {
    return Database.openDirectory(dataDir);
  }
}
