package org.dunshield.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import javax.sql.DataSource;

/**
 * A small pool of connections to one database and the two ways to use one: {@link #read} in
 * auto-commit mode and {@link #write} in one transaction. A connection that raised an
 * {@link SQLException} is closed rather than reused. Thread-safe.
 */
final class Sql implements AutoCloseable {
  /** Work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final int MAX_IDLE = 8;

  private final DataSource source;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  Sql(DataSource source) {
    this.source = source;
  }

  /** Runs {@code work} in auto-commit mode; SQL errors become a {@link StoreException} naming {@code operation}. */
  <T> T read(String operation, Work<T> work) {
    Connection connection = borrow(operation);
    boolean reusable = false;
    try {
      T result = work.run(connection);
      reusable = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException(operation, e);
    } catch (RuntimeException | Error e) {
      reusable = true;
      throw e;
    } finally {
      release(connection, reusable);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything. */
  <T> T write(String operation, Work<T> work) {
    return read(operation, connection -> {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  private Connection borrow(String operation) {
    synchronized (idle) {
      if (closed) {
        throw new StoreException("could not " + operation + ": the database is closed");
      }
      Connection pooled = idle.pollFirst();
      if (pooled != null) {
        return pooled;
      }
    }
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw new StoreException(operation + " (connecting)", e);
    }
  }

  private void release(Connection connection, boolean reusable) {
    synchronized (idle) {
      if (reusable && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(connection);
        return;
      }
    }
    closeQuietly(connection);
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(Sql::closeQuietly);
      idle.clear();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to do with a connection that cannot even close
    }
  }
}
