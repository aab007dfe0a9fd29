package org.dunshield.store.evidence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.dunshield.core.evidence.Verification;
import org.dunshield.store.Database;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.io.TempDir;

/** The evidence contract on SQLite, in a fresh data directory per test. */
class SqliteEvidenceTest extends EvidenceContract {
  @TempDir Path dataDir;

  @Override
  protected Database open() {
    return Database.openDirectory(dataDir, STORE_CLOCK);
  }

  /** Texts SQLite may not give back unchanged (a NUL, lone surrogates) are linked from the row as read. */
  @Test
  void textsThatMightNotReadBackAreLinkedFromTheStoredRow() {
    db.historyWriter(Database.LOCAL_OWNER).appendAll(awkwardEvents("nul\u0000 lone\ud800 \udc00end"));
    Verification v = evidence.log().verify();
    assertThat(v.intact()).as(v.problem()).isTrue();
    assertThat(v.linksChecked()).isEqualTo(4);
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
  }
}
