package org.dunshield.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * One owner's append-only history in the {@code history} table. Imports stream the iterator into
 * JDBC batches of {@value #BATCH} rows inside one transaction, so memory stays flat however large
 * the file; the unique {@code (owner, dedup_key)} makes them idempotent. Thread-safe.
 */
final class HistoryTable implements HistoryRepository {
  static final int BATCH = 1000;

  private static final String INCOMING_CALLS = EventRow.SELECT
      + " WHERE owner = ? AND e164 = ? AND channel = 'call' AND direction = 'in' AND at >= ? AND at < ?"
      + " ORDER BY at, id";
  private static final String DIALLED = "SELECT 1 FROM history"
      + " WHERE owner = ? AND e164 = ? AND channel = 'call' AND direction = 'out' AND at >= ? AND at < ?"
      + " LIMIT 1";

  private final Sql sql;
  private final long owner;

  HistoryTable(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    return sql.write("append " + event.channel().code() + " event to history", c -> {
      try (PreparedStatement s = c.prepareStatement(EventRow.INSERT + " RETURNING id")) {
        EventRow.bind(s, owner, event, verdict, source);
        try (ResultSet key = s.executeQuery()) {
          if (key.next()) {
            return key.getLong(1);
          }
        }
      }
      return existingId(c, event.dedupKey());
    });
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    return sql.write("import history from " + source, c -> {
      long imported = 0;
      long seen = 0;
      try (PreparedStatement s = c.prepareStatement(EventRow.INSERT)) {
        int pending = 0;
        while (events.hasNext()) {
          EventRow.bind(s, owner, events.next(), null, source);
          s.addBatch();
          seen++;
          if (++pending == BATCH) {
            imported += inserted(s.executeBatch());
            pending = 0;
          }
        }
        if (pending > 0) {
          imported += inserted(s.executeBatch());
        }
      }
      return new ImportCount(imported, seen - imported);
    });
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return sql.read("list history", c -> query(c, EventRow.SELECT
        + " WHERE owner = ? AND at >= ? AND at < ? ORDER BY at, id",
        from == null ? Long.MIN_VALUE : from.toEpochMilli(),
        to == null ? Long.MAX_VALUE : to.toEpochMilli()));
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    return sql.read("read calls from " + number, c -> query(c, INCOMING_CALLS,
        number.e164(), since.toEpochMilli(), until.toEpochMilli()));
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    return sql.read("read calls to " + number, c -> {
      try (PreparedStatement s = prepare(c, DIALLED, number.e164(), since.toEpochMilli(), until.toEpochMilli());
          ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    });
  }

  private List<HistoryEntry> query(Connection c, String select, Object... parameters) throws SQLException {
    try (PreparedStatement s = prepare(c, select, parameters); ResultSet rows = s.executeQuery()) {
      List<HistoryEntry> entries = new ArrayList<>();
      while (rows.next()) {
        entries.add(EventRow.entry(rows));
      }
      return entries;
    }
  }

  /** Prepares {@code select} with the owner as the first parameter and then {@code parameters}. */
  private PreparedStatement prepare(Connection c, String select, Object... parameters) throws SQLException {
    PreparedStatement s = c.prepareStatement(select);
    try {
      s.setLong(1, owner);
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 2, parameters[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  private long existingId(Connection c, String dedupKey) throws SQLException {
    try (PreparedStatement s = prepare(c, "SELECT id FROM history WHERE owner = ? AND dedup_key = ?", dedupKey);
        ResultSet rows = s.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long inserted(int[] counts) {
    long n = 0;
    for (int count : counts) {
      n += count > 0 ? 1 : 0;
    }
    return n;
  }
}
