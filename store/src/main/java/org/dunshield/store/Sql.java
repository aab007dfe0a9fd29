package org.dunshield.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * A small pool of connections to one database and the two ways to use one: {@link #read} in
 * auto-commit mode and {@link #write} in one transaction. Each pooled connection keeps its prepared
 * statements, so the hot-path queries of live screening are parsed once per connection, not once per
 * call. A connection that raised an {@link SQLException} is closed rather than reused. Thread-safe.
 */
final class Sql implements AutoCloseable {
  /** Work on a borrowed connection. */
  interface Work<T> {
    T run(Session session) throws SQLException;
  }

  /** One borrowed connection and its statement cache; used by one thread at a time. */
  static final class Session {
    private final Connection connection;
    private final boolean oneWriter;
    private final Clock clock;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private Session(Connection connection, boolean oneWriter, Clock clock) {
      this.connection = connection;
      this.oneWriter = oneWriter;
      this.clock = clock;
    }

    /** The clock that stamps what the store itself records (when an evidence link was made). */
    Clock clock() {
      return clock;
    }

    /**
     * Whether a write transaction on this session is the database's only writer (SQLite, whose
     * transactions take the database's write lock when they begin): no row of it needs a lock of
     * its own then.
     */
    boolean writesAlone() {
      return oneWriter;
    }

    /**
     * A prepared statement for {@code sql}, which must be a constant (the cache never shrinks).
     * The session owns it: close its result sets, never the statement.
     */
    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      } else {
        statement.clearParameters();
        statement.clearBatch(); // an import that failed halfway may have left rows queued
      }
      return statement;
    }

    Connection connection() {
      return connection;
    }

    private void closeQuietly() {
      try {
        connection.close(); // closes its statements too
      } catch (SQLException ignored) {
        // nothing left to do with a connection that cannot even close
      }
    }
  }

  private static final int MAX_IDLE = 8;

  private final DataSource source;
  private final ArrayDeque<Session> idle = new ArrayDeque<>();
  private final ReentrantLock writer;
  private final Clock clock;
  private boolean closed;

  /**
   * @param oneWriter whether the database takes one write transaction at a time (SQLite): then this
   *     process's writers queue on a fair lock here, instead of SQLite's busy handler, which sleeps
   *     for milliseconds between retries while another connection of the same process writes
   */
  Sql(DataSource source, boolean oneWriter, Clock clock) {
    this.source = source;
    this.writer = oneWriter ? new ReentrantLock(true) : null;
    this.clock = clock;
  }


  /** Whether the database takes one write transaction at a time (SQLite). */
  boolean writesAlone() {
    return writer != null;
  }

  /** Runs {@code work} in auto-commit mode; SQL errors become a {@link StoreException} naming {@code operation}. */
  <T> T read(String operation, Work<T> work) {
    Session session = borrow(operation);
    boolean reusable = false;
    try {
      T result = work.run(session);
      reusable = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException(operation, e);
    } catch (RuntimeException | Error e) {
      reusable = true;
      throw e;
    } finally {
      release(session, reusable);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything. */
  <T> T write(String operation, Work<T> work) {
    if (writer == null) {
      return transaction(operation, work);
    }
    writer.lock();
    try {
      return transaction(operation, work);
    } finally {
      writer.unlock();
    }
  }

  private <T> T transaction(String operation, Work<T> work) {
    return read(operation, session -> {
      Connection connection = session.connection();
      connection.setAutoCommit(false);
      try {
        T result = work.run(session);
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

  private Session borrow(String operation) {
    synchronized (idle) {
      if (closed) {
        throw new StoreException("could not " + operation + ": the database is closed");
      }
      Session pooled = idle.pollFirst();
      if (pooled != null) {
        return pooled;
      }
    }
    try {
      return new Session(source.getConnection(), writer != null, clock);
    } catch (SQLException e) {
      throw new StoreException(operation + " (connecting)", e);
    }
  }

  private void release(Session session, boolean reusable) {
    synchronized (idle) {
      if (reusable && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(session);
        return;
      }
    }
    session.closeQuietly();
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(Session::closeQuietly);
      idle.clear();
    }
  }
}
