package org.dunshield.store.loan;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.store.Database;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Loans kept in Dunshield's database. Opening migrates the schema through {@link Database} first;
 * then every operation takes its own connection (SQLite in WAL mode with a busy timeout, so a server
 * and CLI commands can share the file). Thread-safe; holds no open connection, so nothing to close.
 *
 * <pre>{@code
 * LoanRepository loans = LoanStore.openDirectory(dataDir).loans();
 * }</pre>
 */
public final class LoanStore {
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  private final DataSource source;

  private LoanStore(DataSource source) {
    this.source = source;
  }

  /** The store in {@link Database#FILE_NAME} inside {@code dataDir}, created if needed. */
  public static LoanStore openDirectory(Path dataDir) {
    Database.openDirectory(dataDir).close();
    return new LoanStore(sqlite("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME).toAbsolutePath()));
  }

  /** The store behind a JDBC URL, as {@link Database#open(String, String, String)} accepts it. */
  public static LoanStore open(String jdbcUrl, String user, String password) {
    Database.open(jdbcUrl, user, password).close();
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new LoanStore(sqlite(jdbcUrl));
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(jdbcUrl);
    if (user != null) {
      pg.setUser(user);
      pg.setPassword(password);
    }
    return new LoanStore(pg);
  }

  /** The loans of account {@code owner} (positive). */
  public LoanRepository forOwner(long owner) {
    if (owner <= 0) {
      throw new IllegalArgumentException("owner id must be positive, got " + owner);
    }
    return new LoanTable(source, owner);
  }

  /** The loans of the local owner of a single-user installation. */
  public LoanRepository loans() {
    return forOwner(Database.LOCAL_OWNER);
  }

  private static DataSource sqlite(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl(jdbcUrl);
    return sqlite;
  }
}
