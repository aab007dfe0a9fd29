package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * One owner's append-only history in the {@code history} table. Imports stream the iterator into
 * JDBC batches of {@value #BATCH} rows inside one transaction, so memory stays flat however large
 * the file; the unique {@code (owner, dedup_key)} makes them idempotent. Every write chains the new
 * rows into the owner's evidence log in the same transaction ({@link EvidenceChain}). Thread-safe.
 */
final class HistoryTable implements HistoryRepository {
  static final int BATCH = 1000;

  private static final String INCOMING_CALLS = EventRow.SELECT
      + " WHERE owner = ? AND e164 = ? AND channel = 'call' AND direction = 'in' AND at >= ? AND at < ?"
      + " ORDER BY at, id";
  private static final String INCOMING_CALLS_FROM_ALL = EventRow.SELECT
      + " WHERE owner = ? AND channel = 'call' AND direction = 'in' AND at >= ? AND at < ? ORDER BY at, id";
  private static final String INCOMING_SMS_FROM_ALL = EventRow.SELECT
      + " WHERE owner = ? AND channel = 'sms' AND direction = 'in' AND at >= ? AND at < ? ORDER BY at, id";
  private static final String DIALLED_CALLS = EventRow.SELECT
      + " WHERE owner = ? AND channel = 'call' AND direction = 'out' AND e164 IS NOT NULL AND at >= ? AND at < ?"
      + " ORDER BY at, id";
  private static final String BETWEEN = EventRow.SELECT + " WHERE owner = ? AND at >= ? AND at < ? ORDER BY at, id";
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
    return sql.write("append " + event.channel().code() + " event to history",
        s -> HistoryWriter.append(s, owner, List.of(new HistoryWriter.Appended(event, verdict, source))).get(0));
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    return sql.write("import history from " + source, s -> {
      EvidenceChain.Head head = EvidenceChain.lock(s, owner);
      PreparedStatement insert = s.prepare(EventRow.INSERT);
      long imported = 0;
      long seen = 0;
      int pending = 0;
      while (events.hasNext()) {
        EventRow.bind(insert, owner, events.next(), null, source);
        insert.addBatch();
        seen++;
        if (++pending == BATCH) {
          imported += inserted(insert.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        imported += inserted(insert.executeBatch());
      }
      EvidenceChain.chainNewEvents(s, owner, head, s.clock());
      return new ImportCount(imported, seen - imported);
    });
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return sql.read("list history", s -> entries(s.prepare(BETWEEN), null,
        from == null ? Long.MIN_VALUE : from.toEpochMilli(), to == null ? Long.MAX_VALUE : to.toEpochMilli()));
  }

  @Override
  public long lastId() {
    return sql.read("read the last history id", s -> {
      PreparedStatement select = s.prepare("SELECT COALESCE(MAX(id), 0) FROM history WHERE owner = ?");
      select.setLong(1, owner);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  @Override
  public Newer newerThan(long id) {
    return sql.read("count new history rows", s -> {
      PreparedStatement select = s.prepare("SELECT COUNT(*), MAX(id) FROM history WHERE owner = ? AND id > ?");
      select.setLong(1, owner);
      select.setLong(2, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        long count = row.getLong(1);
        return new Newer(count, count == 0 ? id : row.getLong(2));
      }
    });
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    return sql.read("read calls from " + number, s -> entries(s.prepare(INCOMING_CALLS), number,
        since.toEpochMilli(), until.toEpochMilli()));
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    String select = channel == Channel.CALL ? INCOMING_CALLS_FROM_ALL : INCOMING_SMS_FROM_ALL;
    return sql.read("read incoming " + channel.code() + " events", s -> entries(s.prepare(select), null,
        since.toEpochMilli(), until.toEpochMilli()));
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    return sql.read("read calls to " + number, s -> {
      PreparedStatement select = s.prepare(DIALLED);
      select.setLong(1, owner);
      select.setString(2, number.e164());
      select.setLong(3, since.toEpochMilli());
      select.setLong(4, until.toEpochMilli());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    });
  }

  @Override
  public List<HistoryEntry> dialledCalls(Instant since, Instant until) {
    return sql.read("read the calls made", s -> entries(s.prepare(DIALLED_CALLS), null,
        since.toEpochMilli(), until.toEpochMilli()));
  }

  /** Runs a history query whose parameters are the owner, the number (if not null), and the time range. */
  private List<HistoryEntry> entries(PreparedStatement select, PhoneNumber number, long from, long to)
      throws SQLException {
    int i = 1;
    select.setLong(i++, owner);
    if (number != null) {
      select.setString(i++, number.e164());
    }
    select.setLong(i++, from);
    select.setLong(i, to);
    try (ResultSet rows = select.executeQuery()) {
      List<HistoryEntry> entries = new ArrayList<>();
      while (rows.next()) {
        entries.add(EventRow.entry(rows));
      }
      return entries;
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
