package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpointer's own descriptor of the database file: shared by this process's databases, closed by the last. */
class DatabaseFileSyncTest {
  @TempDir Path dir;

  @Test
  void onlyPlainSqliteFilesAreSynced() {
    assertThat(DatabaseFileSync.sqliteFile("jdbc:sqlite:" + dir.resolve("a.db"))).isEqualTo(dir.resolve("a.db"));
    assertThat(DatabaseFileSync.sqliteFile("jdbc:sqlite:" + dir.resolve("a.db") + "?journal_mode=WAL"))
        .isEqualTo(dir.resolve("a.db"));
    assertThat(DatabaseFileSync.sqliteFile("jdbc:sqlite::memory:")).isNull();
    assertThat(DatabaseFileSync.sqliteFile("jdbc:sqlite:file:x.db?mode=memory")).isNull();
    assertThat(DatabaseFileSync.sqliteFile("jdbc:postgresql://localhost:5432/dunshield")).isNull();
    assertThat(DatabaseFileSync.of("jdbc:postgresql://localhost:5432/dunshield")).isSameAs(DatabaseFileSync.NONE);
  }

  @Test
  void theDescriptorStaysOpenUntilTheLastDatabaseOfTheFileCloses() throws Exception {
    Path file = dir.resolve("shared.db");
    Files.writeString(file, "");
    String url = "jdbc:sqlite:" + file;
    DatabaseFileSync first = DatabaseFileSync.of(url);
    DatabaseFileSync second = DatabaseFileSync.of(url);
    first.sync();
    second.sync();
    assertThat(first.syncs()).isEqualTo(1);
    assertThat(DatabaseFileSync.holdsDescriptor(file)).isTrue();
    first.close();
    first.close(); // twice: still one user fewer, not two
    assertThat(DatabaseFileSync.holdsDescriptor(file)).as("the second user's SQLite locks would go with it").isTrue();
    second.sync();
    assertThat(second.syncs()).isEqualTo(2);
    second.close();
    assertThat(DatabaseFileSync.holdsDescriptor(file)).isFalse();
    first.sync(); // closed: nothing, no descriptor reopened
    assertThat(DatabaseFileSync.holdsDescriptor(file)).isFalse();
  }

  @Test
  void aFileThatCannotBeOpenedFailsOnceThenIsLeftAlone() throws Exception {
    DatabaseFileSync missing = DatabaseFileSync.of("jdbc:sqlite:" + dir.resolve("gone.db"));
    org.assertj.core.api.Assertions.assertThatThrownBy(missing::sync).isInstanceOf(java.io.IOException.class);
    missing.sync(); // no second report
    assertThat(missing.syncs()).isZero();
    missing.close();
    assertThat(DatabaseFileSync.holdsDescriptor(dir.resolve("gone.db"))).isFalse();
  }

  /**
   * Two databases of this process on one file, with a plain connection beside them: the first to
   * close leaves the shared descriptor open (closing it would drop the other's SQLite locks).
   */
  @Test
  void closingOneDatabaseLeavesTheDescriptorOfAnotherOnTheSameFileOpen() throws Exception {
    Path file = dir.resolve(Database.FILE_NAME);
    try (Database kept = Database.openDirectory(dir)) {
      kept.history().lastId();
      try (Database closed = Database.openDirectory(dir);
          Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement st = c.createStatement()) {
        closed.fileSyncForTest().sync();
        // a read transaction of this process holds a WAL read lock through SQLite's own descriptors
        st.execute("BEGIN");
        try (ResultSet r = st.executeQuery("SELECT COUNT(*) FROM history")) {
          assertThat(r.next()).isTrue();
        }
        st.execute("COMMIT");
      }
      assertThat(DatabaseFileSync.holdsDescriptor(file)).as("the kept database is still a user").isTrue();
      assertThat(kept.history().lastId()).isZero();
    }
    assertThat(DatabaseFileSync.holdsDescriptor(file)).isFalse();
  }
}
