package org.dunshield.store;

import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
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
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl(jdbcUrl);
    return sqlite;
  }
}
