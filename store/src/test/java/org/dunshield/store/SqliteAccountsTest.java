package org.dunshield.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountsTest extends AccountsContract {
  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.openDirectory(dataDir);
  }
}
