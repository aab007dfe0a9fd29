package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The web application's reads of one owner's history, from {@link Database#historyQueries(long)}:
 * pages in time order with keyset cursors (newest first, so a page costs the same on the first and
 * the thousandth page), counts per day for the dashboard and the most blocked numbers. Every query
 * is bounded by the owner in SQL and served by an index of migrations 1 and 5. Thread-safe.
 */
public final class HistoryQueries {
  /**
   * Which entries to show; {@code null} fields do not filter. {@code action} is a verdict code
   * ({@code allow}, {@code silence}, {@code block}) or {@code none} for entries stored without a
   * verdict (imports); {@code number} matches E.164 numbers starting with it; {@code text} matches
   * anywhere in the raw number, contact name or SMS body.
   */
  public record Filter(String channel, String action, String number, String text, Instant from, Instant to) {
    public static final Filter ALL = new Filter(null, null, null, null, null, null);
  }

  /** Where a page ends: the entry's time (epoch ms) and id. */
  public record Cursor(long at, long id) {}

  /** One page, newest first; {@code next} is null on the last page. */
  public record Page(List<org.dunshield.core.history.HistoryEntry> entries, Cursor next) {}

  /** How many events of one channel got one verdict on one day ({@code action} null: not screened). */
  public record DayCount(LocalDate day, String channel, String action, long count) {}

  /** A number and how many events it had. */
  public record NumberCount(String e164, long count) {}

  private static final long DAY_MS = 86_400_000L;

  private final Sql sql;
  private final long owner;

  HistoryQueries(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  /** Up to {@code limit} entries matching {@code filter} older than {@code after} (null: from the newest). */
  public Page page(Filter filter, Cursor after, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
    }
    List<Object> args = new ArrayList<>();
    String query = pageQuery(owner, filter, after, limit, args);
    return sql.read("page through the history", s -> {
      // filters vary, so this statement is not cached in the session
      try (PreparedStatement select = s.connection().prepareStatement(query)) {
        for (int i = 0; i < args.size(); i++) {
          Object a = args.get(i);
          if (a instanceof Long l) {
            select.setLong(i + 1, l);
          } else if (a instanceof Integer n) {
            select.setInt(i + 1, n);
          } else {
            select.setString(i + 1, (String) a);
          }
        }
        List<org.dunshield.core.history.HistoryEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next() && entries.size() <= limit) {
            entries.add(EventRow.entry(rows));
          }
        }
        Cursor next = null;
        if (entries.size() > limit) {
          entries.remove(entries.size() - 1);
          var last = entries.get(entries.size() - 1);
          next = new Cursor(last.event().at().toEpochMilli(), last.id());
        }
        return new Page(entries, next);
      }
    });
  }

  /**
   * The page query of {@code owner} for {@code filter} after {@code after}, its arguments added to
   * {@code args}: one row more than {@code limit}, to tell whether a next page exists. A number
   * filter is a range on {@code e164}, which the time index holds: walking it newest first, rows are
   * read only when their number matches.
   */
  static String pageQuery(long owner, Filter filter, Cursor after, int limit, List<Object> args) {
    StringBuilder where = new StringBuilder(" WHERE owner = ?");
    args.add(owner);
    if (filter.channel() != null) {
      where.append(" AND channel = ?");
      args.add(filter.channel());
    }
    if ("none".equals(filter.action())) {
      where.append(" AND action IS NULL");
    } else if (filter.action() != null) {
      where.append(" AND action = ?");
      args.add(filter.action());
    }
    if (filter.number() != null) {
      where.append(" AND e164 >= ? AND e164 < ?");
      args.add(filter.number());
      args.add(filter.number() + "\uffff");
    }
    if (filter.text() != null && !filter.text().isEmpty()) {
      String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" AND (raw_number LIKE ? ESCAPE '\\' OR contact_name LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')");
      args.add(like);
      args.add(like);
      args.add(like);
    }
    if (filter.from() != null) {
      where.append(" AND at >= ?");
      args.add(filter.from().toEpochMilli());
    }
    if (filter.to() != null) {
      where.append(" AND at < ?");
      args.add(filter.to().toEpochMilli());
    }
    if (after != null) {
      where.append(" AND (at < ? OR (at = ? AND id < ?))");
      args.add(after.at());
      args.add(after.at());
      args.add(after.id());
    }
    args.add(limit + 1);
    return EventRow.SELECT + where + " ORDER BY at DESC, id DESC LIMIT ?";
  }

  /**
   * Events per day in {@code [from, to)}, by channel and verdict; days are counted in {@code offset}
   * (the user's zone offset at {@code to}; a daylight-saving change inside the range shifts that
   * part by an hour).
   */
  public List<DayCount> countsByDay(Instant from, Instant to, ZoneOffset offset) {
    long shift = offset.getTotalSeconds() * 1000L;
    return sql.read("count the history by day", s -> {
      PreparedStatement select = s.prepare("SELECT day, channel, action, COUNT(*) FROM (SELECT (at + ?) / " + DAY_MS
          + " AS day, channel, action FROM history WHERE owner = ? AND at >= ? AND at < ?) d GROUP BY day, channel, action");
      select.setLong(1, shift);
      select.setLong(2, owner);
      select.setLong(3, from.toEpochMilli());
      select.setLong(4, to.toEpochMilli());
      List<DayCount> counts = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts.add(new DayCount(LocalDate.ofEpochDay(rows.getLong(1)), rows.getString(2), rows.getString(3),
              rows.getLong(4)));
        }
      }
      return counts;
    });
  }

  /** The {@code limit} numbers with the most events of verdict {@code action} since {@code since}, most first. */
  public List<NumberCount> topNumbers(String action, Instant since, int limit) {
    return sql.read("find the most " + action + "ed numbers", s -> {
      PreparedStatement select = s.prepare("SELECT e164, COUNT(*) AS n FROM history"
          + " WHERE owner = ? AND action = ? AND at >= ? AND e164 IS NOT NULL"
          + " GROUP BY e164 ORDER BY n DESC, e164 LIMIT ?");
      select.setLong(1, owner);
      select.setString(2, action);
      select.setLong(3, since.toEpochMilli());
      select.setInt(4, limit);
      List<NumberCount> top = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          top.add(new NumberCount(rows.getString(1), rows.getLong(2)));
        }
      }
      return top;
    });
  }

  /** The owner's entry {@code id}, if it is theirs. */
  public java.util.Optional<org.dunshield.core.history.HistoryEntry> find(long id) {
    return sql.read("read history entry " + id, s -> {
      PreparedStatement select = s.prepare(EventRow.SELECT + " WHERE owner = ? AND id = ?");
      select.setLong(1, owner);
      select.setLong(2, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? java.util.Optional.of(EventRow.entry(rows)) : java.util.Optional.empty();
      }
    });
  }
}
