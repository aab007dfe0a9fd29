package org.dunshield.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.dunshield.core.contact.ContactRepository;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.loan.LoanRepository;
import org.dunshield.core.rule.RuleRepository;
import org.dunshield.core.settings.SettingsRepository;

/**
 * Dunshield's stored data: an embedded SQLite file in the data directory, or a PostgreSQL database.
 * Opening migrates the schema to the version this code knows. The shortcuts {@link #rules()},
 * {@link #contacts()}, {@link #history()}, {@link #settings()} and {@link #loans()} belong to the
 * local owner {@value #LOCAL_OWNER}; {@link #forOwner(long)} gives any other account's. Thread-safe;
 * several processes may open one SQLite directory at once.
 *
 * <pre>{@code
 * try (Database db = Database.openDirectory(Path.of("/var/lib/dunshield"))) {
 *   db.rules().add(rule);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  /** The account that owns everything on a single-user installation. */
  public static final long LOCAL_OWNER = 1;

  /** The SQLite file's name inside the data directory. */
  public static final String FILE_NAME = "dunshield.db";

  private final Sql sql;
  private final String schemaVersion;
  private final Repositories local;
  private final GroupCommits commits;
  private final DatabaseFileSync fileSync;

  private Database(Sql sql, String schemaVersion, DatabaseFileSync fileSync) {
    this.sql = sql;
    this.fileSync = fileSync;
    this.commits = new GroupCommits(sql, fileSync);
    this.schemaVersion = schemaVersion;
    this.local = Repositories.of(sql, LOCAL_OWNER);
  }

  /** Opens (creating if needed) {@value #FILE_NAME} in {@code dataDir}, creating the directory too. */
  public static Database openDirectory(Path dataDir) {
    return openDirectory(dataDir, Clock.systemUTC());
  }

  /** As {@link #openDirectory(Path)}, with the clock that stamps the evidence links the store makes. */
  public static Database openDirectory(Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("create the data directory " + dataDir, e);
    }
    return open("jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath(), null, null, clock);
  }

  /**
   * Opens a database by JDBC URL: {@code jdbc:sqlite:FILE} or
   * {@code jdbc:postgresql://HOST:PORT/DATABASE}. {@code user} and {@code password} may be
   * {@code null} (SQLite ignores them; PostgreSQL then takes them from the URL).
   *
   * @throws IllegalArgumentException for any other kind of URL
   * @throws StoreException when the database cannot be reached, or its schema is newer than this code
   */
  public static Database open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, Clock.systemUTC());
  }

  /** As {@link #open(String, String, String)}, with the clock that stamps the evidence links the store makes. */
  public static Database open(String jdbcUrl, String user, String password, Clock clock) {
    Dialect dialect = Dialect.of(jdbcUrl);
    var source = dialect.dataSource(jdbcUrl, user, password);
    String version = migrate(dialect, source);
    return new Database(new Sql(source, dialect == Dialect.SQLITE, clock), version, DatabaseFileSync.of(jdbcUrl));
  }

  /**
   * Migrates, retrying while another process or thread holds a fresh SQLite file's lock: switching a
   * new file to WAL answers SQLITE_BUSY at once instead of waiting, so two processes starting on one
   * new data directory would otherwise race. Gives up after about ten seconds.
   */
  private static String migrate(Dialect dialect, javax.sql.DataSource source) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Migrations.apply(dialect, source);
      } catch (StoreException e) {
        if (attempt >= 40 || !busy(e)) {
          throw e;
        }
        try {
          Thread.sleep(Math.min(500, 25L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  /** The repositories of account {@code ownerId} (positive). */
  public Repositories forOwner(long ownerId) {
    if (ownerId <= 0) {
      throw new IllegalArgumentException("owner id must be positive, got " + ownerId);
    }
    return ownerId == LOCAL_OWNER ? local : Repositories.of(sql, ownerId);
  }

  public RuleRepository rules() {
    return local.rules();
  }

  public ContactRepository contacts() {
    return local.contacts();
  }

  public HistoryRepository history() {
    return local.history();
  }

  public SettingsRepository settings() {
    return local.settings();
  }

  public LoanRepository loans() {
    return local.loans();
  }

  /** The accounts, sessions, API tokens and audit log of a multi-user installation. */
  public AccountStore accounts() {
    return new AccountStore(sql);
  }

  /** Paged and aggregated reads of account {@code ownerId}'s history, for the web application. */
  public HistoryQueries historyQueries(long ownerId) {
    forOwner(ownerId); // validates the id
    return new HistoryQueries(sql, ownerId);
  }

  /** Batched history appends of account {@code ownerId} (one transaction for many events). */
  public HistoryWriter historyWriter(long ownerId) {
    forOwner(ownerId); // validates the id
    return new HistoryWriter(sql, ownerId, commits);
  }

  /** The schema version in force, the number of the newest migration applied (e.g. {@code "1"}). */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** The database file's sync for the checkpointer (tests). */
  DatabaseFileSync fileSyncForTest() {
    return fileSync;
  }

  /** The connection pool, for the store's other tables ({@link EvidenceStore}). */
  Sql sql() {
    return sql;
  }

  /** Closes pooled connections; repositories fail afterwards. */
  @Override
  public void close() {
    commits.close(); // the queued history appends first
    sql.close();
    fileSync.close(); // after the connections: closing its descriptor drops this process's locks on the file
  }
}
