package org.dunshield.store.reputation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A small pool of connections and the two ways to use one: {@link #read} in auto-commit mode and
 * {@link #write} in one transaction (committed when the work returns, rolled back when it throws).
 * A connection that raised an {@link SQLException} is closed, not reused. Thread-safe.
 */
final class Connections implements AutoCloseable {
  /** Work on a borrowed connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** As long as the foundation store waits: the largest import may hold SQLite's write lock that long. */
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_IDLE = 4;

  private final DataSource source;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  private Connections(DataSource source) {
    this.source = source;
  }

  static Connections of(String jdbcUrl, String user, String password) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource sqlite = new SQLiteDataSource(config);
      sqlite.setUrl(jdbcUrl);
      return new Connections(sqlite);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(jdbcUrl);
    if (user != null) {
      pg.setUser(user);
      pg.setPassword(password);
    }
    return new Connections(pg);
  }

  <T> T read(String operation, Work<T> work) {
    Connection c = borrow(operation);
    boolean reusable = false;
    try {
      T result = work.run(c);
      reusable = true;
      return result;
    } catch (SQLException e) {
      throw new ReputationStoreException(operation, e);
    } catch (RuntimeException | Error e) {
      reusable = true;
      throw e;
    } finally {
      release(c, reusable);
    }
  }

  <T> T write(String operation, Work<T> work) {
    return read(operation, c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  private Connection borrow(String operation) {
    synchronized (idle) {
      if (closed) {
        throw new ReputationStoreException("could not " + operation + ": the store is closed");
      }
      Connection pooled = idle.pollFirst();
      if (pooled != null) {
        return pooled;
      }
    }
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw new ReputationStoreException(operation + " (connecting)", e);
    }
  }

  private void release(Connection c, boolean reusable) {
    synchronized (idle) {
      if (reusable && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(c);
        return;
      }
    }
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing left to do with a connection that cannot even close
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(Connections::closeQuietly);
      idle.clear();
    }
  }
}
