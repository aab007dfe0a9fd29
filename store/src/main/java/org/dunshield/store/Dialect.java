package org.dunshield.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The databases the store runs on. The SQL of the repositories is common to both (SQLite 3.35+ and
 * PostgreSQL share {@code ON CONFLICT} and {@code RETURNING}); what differs is how to connect and the
 * migration scripts.
 */
enum Dialect {
  SQLITE("jdbc:sqlite:", "sqlite"),
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  /**
   * How long an SQLite connection waits for another connection's or process's write lock before
   * giving up: as long as the largest import may hold it (a 100 MB backup imports in well under
   * 30 seconds), so that live screening never fails while a CLI import runs.
   */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

  /**
   * WAL pages after which a commit copies the log into the database (SQLite's default is 1,000).
   * Live screening writes a few rows per call to many accounts, each row touching a page of each
   * history index: a longer log copies a page rewritten by many commits once, and fsyncs a tenth
   * as often. The log grows to about 32 MB between checkpoints. Measured (bench/README.md, fourth
   * session): the SIP service at 1,000 calls/s for 10,000 accounts completed 30,000 of 30,000 calls
   * with it and refused 1,266 with the default; the web API's p99 was 87 ms with it and 33 ms with the
   * default (the commit that runs a larger checkpoint waits longer). A passive checkpoint every
   * second on a background thread was tried once and did worse for SIP (62 calls lost, p99 +944 ms).
   */
  static final int WAL_CHECKPOINT_PAGES = 8192;
  /** Database bytes read through a memory map instead of a read call per page. */
  static final long MMAP_BYTES = 256L << 20;

  private final String urlPrefix;
  private final String folder;

  Dialect(String urlPrefix, String folder) {
    this.urlPrefix = urlPrefix;
    this.folder = folder;
  }

  static Dialect of(String jdbcUrl) {
    for (Dialect d : values()) {
      if (jdbcUrl.startsWith(d.urlPrefix)) {
        if (d == SQLITE && (jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory"))) {
          throw new IllegalArgumentException("an in-memory SQLite database cannot be shared between "
              + "connections; use a file, e.g. Database.openDirectory(dataDir)");
        }
        return d;
      }
    }
    throw new IllegalArgumentException("unsupported JDBC URL '" + jdbcUrl
        + "'; expected jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
  }

  /** The Flyway location of this dialect's {@code V<n>__<description>.sql} scripts. */
  String migrations() {
    return "classpath:org/dunshield/store/migration/" + folder;
  }

  DataSource dataSource(String jdbcUrl, String user, String password) {
    return switch (this) {
      case SQLITE -> sqlite(jdbcUrl);
      case POSTGRESQL -> {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(jdbcUrl);
        if (user != null) {
          pg.setUser(user);
          pg.setPassword(password);
        }
        yield pg;
      }
    };
  }

  /**
   * WAL lets readers run beside one writer and other processes; writers wait up to
   * {@link #BUSY_TIMEOUT} for each other, and every transaction takes the write lock when it begins
   * (a deferred transaction that later upgrades to a write fails at once when another process wrote).
   */
  private static DataSource sqlite(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setCacheSize(-32_000); // KiB: keeps the indexes of a large import in memory
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
    SQLiteDataSource sqlite = new SQLiteDataSource(config) {
      @Override
      public SQLiteConnection getConnection(String user, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(user, password);
        try (Statement pragma = connection.createStatement()) {
          pragma.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
        return connection;
      }
    };
    sqlite.setUrl(jdbcUrl);
    return sqlite;
  }
}
