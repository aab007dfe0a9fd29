package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Database} reacts to URLs it cannot use. */
class DatabaseTest {
  @TempDir Path dataDir;

  @Test
  void aUrlForAnotherDatabaseIsRejectedWithTheUrlsThatWork() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/dunshield", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite:FILE").hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void anInMemorySqliteDatabaseIsRejectedBecauseConnectionsCouldNotShareIt() {
    assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openDirectory");
  }

  @Test
  void anUnreachablePostgresServerIsAStoreExceptionNamingTheStep() {
    assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:9/dunshield?connectTimeout=2", "u", "p"))
        .isInstanceOf(StoreException.class).hasMessageContaining("migrate the database schema");
  }

  @Test
  void aDataDirectoryThatIsAFileIsAStoreException() throws Exception {
    Path file = java.nio.file.Files.createFile(dataDir.resolve("not-a-dir"));

    assertThatThrownBy(() -> Database.openDirectory(file))
        .isInstanceOf(StoreException.class).hasMessageContaining("not-a-dir");
  }
}
