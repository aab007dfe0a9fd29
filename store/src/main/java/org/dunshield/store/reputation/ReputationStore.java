package org.dunshield.store.reputation;

import java.nio.file.Path;
import org.dunshield.core.reputation.ReputationRepository;
import org.dunshield.store.Database;

/**
 * The community reputation kept in Dunshield's database. Opening migrates the schema through
 * {@link Database} first; then a small pool of its own connections serves the reputation tables
 * (SQLite in WAL mode with a busy timeout, so a server and CLI commands can share the file).
 * Thread-safe; close it to release the pooled connections.
 *
 * <pre>{@code
 * try (ReputationStore store = ReputationStore.openDirectory(dataDir)) {
 *   Reputations reputations = new Reputations(store.reputation(), ReputationPolicy.defaults(), clock);
 * }
 * }</pre>
 */
public final class ReputationStore implements AutoCloseable {
  private final Connections connections;

  private ReputationStore(Connections connections) {
    this.connections = connections;
  }

  /** The store in {@link Database#FILE_NAME} inside {@code dataDir}, created if needed. */
  public static ReputationStore openDirectory(Path dataDir) {
    Database.openDirectory(dataDir).close();
    return new ReputationStore(Connections.of("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME).toAbsolutePath(),
        null, null));
  }

  /** The store behind a JDBC URL, as {@link Database#open(String, String, String)} accepts it. */
  public static ReputationStore open(String jdbcUrl, String user, String password) {
    Database.open(jdbcUrl, user, password).close();
    return new ReputationStore(Connections.of(jdbcUrl, user, password));
  }

  /** The reputation of account {@code owner} (positive). */
  public ReputationRepository forOwner(long owner) {
    if (owner <= 0) {
      throw new IllegalArgumentException("owner id must be positive, got " + owner);
    }
    return new ReputationTable(connections, owner);
  }

  /** The reputation of the local owner of a single-user installation. */
  public ReputationRepository reputation() {
    return forOwner(Database.LOCAL_OWNER);
  }

  @Override
  public void close() {
    connections.close();
  }
}
