package org.dunshield.store.reputation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Dispute;
import org.dunshield.core.reputation.Report;
import org.dunshield.core.reputation.Reporter;
import org.dunshield.core.reputation.ReputationRepository;
import org.dunshield.core.screen.Category;

/** One owner's reputation in the {@code reputation_*} tables. Thread-safe. */
final class ReputationTable implements ReputationRepository {
  private static final String REPORT_COLUMNS = "e164, kind, reporter, category, comment, at, contested";
  private static final String UPSERT_REPORT = "INSERT INTO reputation_reports"
      + " (owner, digits, e164, kind, reporter, category, comment, at, contested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (owner, digits, reporter) DO UPDATE SET category = excluded.category,"
      + " comment = excluded.comment, at = excluded.at, contested = excluded.contested,"
      + " e164 = excluded.e164, kind = excluded.kind";
  private static final String UPSERT_REPORTER = "INSERT INTO reputation_reporters"
      + " (owner, id, first_seen, vouched, confirmed, contradicted) VALUES (?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (owner, id) DO UPDATE SET first_seen = excluded.first_seen, vouched = excluded.vouched,"
      + " confirmed = excluded.confirmed, contradicted = excluded.contradicted";
  private static final String DISPUTE_COLUMNS = "id, e164, kind, claimant, statement, opened_at, state, resolved_at, rightful";
  private static final int BATCH = 1_000;
  private static final int IN_CHUNK = 500;

  private final Connections db;
  private final long owner;

  ReputationTable(Connections db, long owner) {
    this.db = db;
    this.owner = owner;
  }

  @Override
  public Optional<Report> find(PhoneNumber number, String reporter) {
    return db.read("find a report", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + REPORT_COLUMNS
          + " FROM reputation_reports WHERE owner = ? AND digits = ? AND reporter = ?")) {
        s.setLong(1, owner);
        s.setLong(2, number.digits());
        s.setString(3, reporter);
        List<Report> found = reports(s);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  @Override
  public List<Report> reportsOn(PhoneNumber number) {
    return reportsBetween(number.digits(), number.digits());
  }

  @Override
  public List<Report> reportsBetween(long fromDigits, long toDigits) {
    return db.read("read reports", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + REPORT_COLUMNS + " FROM reputation_reports"
          + " WHERE owner = ? AND digits BETWEEN ? AND ? ORDER BY digits, at, reporter")) {
        s.setLong(1, owner);
        s.setLong(2, fromDigits);
        s.setLong(3, toDigits);
        return reports(s);
      }
    });
  }

  @Override
  public int countSince(String reporter, Instant since) {
    return db.read("count a reporter's reports", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*) FROM reputation_reports WHERE owner = ? AND reporter = ? AND at >= ?")) {
        s.setLong(1, owner);
        s.setString(2, reporter);
        s.setLong(3, since.toEpochMilli());
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          return rows.getInt(1);
        }
      }
    });
  }

  @Override
  public void record(Report report, List<Reporter> reporters) {
    db.write("record a report", c -> {
      try (PreparedStatement s = c.prepareStatement(UPSERT_REPORT)) {
        bind(s, report);
        s.executeUpdate();
      }
      saveReporters(c, reporters);
      return null;
    });
  }

  @Override
  public void importAll(List<Report> reports, List<Reporter> reporters) {
    db.write("import reports", c -> {
      try (PreparedStatement s = c.prepareStatement(UPSERT_REPORT)) {
        int pending = 0;
        for (Report r : reports) {
          bind(s, r);
          s.addBatch();
          if (++pending == BATCH) {
            s.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          s.executeBatch();
        }
      }
      saveReporters(c, reporters);
      return null;
    });
  }

  @Override
  public void forEachNumber(Consumer<List<Report>> visitor) {
    db.write("read every report", c -> { // a transaction, so PostgreSQL streams with a cursor
      try (PreparedStatement s = c.prepareStatement("SELECT digits, " + REPORT_COLUMNS
          + " FROM reputation_reports WHERE owner = ? ORDER BY digits, at, reporter")) {
        s.setFetchSize(10_000);
        s.setLong(1, owner);
        try (ResultSet rows = s.executeQuery()) {
          List<Report> group = new ArrayList<>();
          long current = Long.MIN_VALUE;
          while (rows.next()) {
            long digits = rows.getLong(1);
            if (digits != current && !group.isEmpty()) {
              visitor.accept(group);
              group = new ArrayList<>();
            }
            current = digits;
            group.add(report(rows, 2));
          }
          if (!group.isEmpty()) {
            visitor.accept(group);
          }
        }
      }
      return null;
    });
  }

  @Override
  public long countReports() {
    return db.read("count reports", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM reputation_reports WHERE owner = ?")) {
        s.setLong(1, owner);
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  @Override
  public Optional<Reporter> reporter(String id) {
    Reporter r = reporters(List.of(id)).get(id);
    return Optional.ofNullable(r);
  }

  @Override
  public Map<String, Reporter> reporters(Collection<String> ids) {
    Map<String, Reporter> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<String> all = new ArrayList<>(ids);
    return db.read("read reporters", c -> {
      for (int from = 0; from < all.size(); from += IN_CHUNK) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
        String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT id, first_seen, vouched, confirmed, contradicted"
            + " FROM reputation_reporters WHERE owner = ? AND id IN (" + marks + ")")) {
          s.setLong(1, owner);
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
              Reporter r = reporter(rows);
              found.put(r.id(), r);
            }
          }
        }
      }
      return found;
    });
  }

  @Override
  public List<Reporter> allReporters() {
    return db.read("read reporters", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id, first_seen, vouched, confirmed, contradicted"
          + " FROM reputation_reporters WHERE owner = ? ORDER BY id")) {
        s.setLong(1, owner);
        List<Reporter> list = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            list.add(reporter(rows));
          }
        }
        return list;
      }
    });
  }

  @Override
  public void saveReporters(List<Reporter> reporters) {
    db.write("save reporters", c -> {
      saveReporters(c, reporters);
      return null;
    });
  }

  @Override
  public long openDispute(Dispute d) {
    return db.write("open a dispute", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO reputation_disputes (owner, digits, e164, kind,"
          + " claimant, statement, opened_at, state, resolved_at, rightful) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " RETURNING id")) {
        s.setLong(1, owner);
        s.setLong(2, d.number().digits());
        s.setString(3, d.number().e164());
        s.setString(4, d.number().kind().code());
        s.setString(5, d.claimant());
        s.setString(6, d.statement());
        s.setLong(7, d.openedAt().toEpochMilli());
        s.setString(8, d.state().code());
        setInstant(s, 9, d.resolvedAt());
        s.setString(10, d.rightful() == null ? null : d.rightful().code());
        try (ResultSet key = s.executeQuery()) {
          key.next();
          return key.getLong(1);
        }
      }
    });
  }

  @Override
  public Optional<Dispute> dispute(long id) {
    List<Dispute> found = disputes(" AND id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Optional<Dispute> openDisputeOn(PhoneNumber number) {
    List<Dispute> found = disputes(" AND digits = ? AND state = 'open'", number.digits());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Dispute> disputes() {
    return disputes("", null);
  }

  private List<Dispute> disputes(String where, Long parameter) {
    return db.read("read disputes", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + DISPUTE_COLUMNS
          + " FROM reputation_disputes WHERE owner = ?" + where + " ORDER BY id")) {
        s.setLong(1, owner);
        if (parameter != null) {
          s.setLong(2, parameter);
        }
        List<Dispute> list = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            long resolved = rows.getLong(8);
            Instant resolvedAt = rows.wasNull() ? null : Instant.ofEpochMilli(resolved);
            String rightful = rows.getString(9);
            list.add(new Dispute(rows.getLong(1), number(rows.getString(2), rows.getString(3)), rows.getString(4),
                rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)), Dispute.State.fromCode(rows.getString(7)),
                resolvedAt, rightful == null ? null : Category.fromCode(rightful)));
          }
        }
        return list;
      }
    });
  }

  @Override
  public void resolveDispute(Dispute resolved, List<Report> withdrawn, Report moderation, List<Reporter> reporters) {
    db.write("resolve dispute #" + resolved.id(), c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE reputation_disputes SET state = ?, resolved_at = ?,"
          + " rightful = ? WHERE owner = ? AND id = ?")) {
        s.setString(1, resolved.state().code());
        setInstant(s, 2, resolved.resolvedAt());
        s.setString(3, resolved.rightful() == null ? null : resolved.rightful().code());
        s.setLong(4, owner);
        s.setLong(5, resolved.id());
        if (s.executeUpdate() != 1) {
          throw new IllegalArgumentException("no dispute #" + resolved.id());
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM reputation_reports WHERE owner = ? AND digits = ? AND reporter = ?")) {
        for (Report r : withdrawn) {
          s.setLong(1, owner);
          s.setLong(2, r.number().digits());
          s.setString(3, r.reporter());
          s.addBatch();
        }
        s.executeBatch();
      }
      if (moderation != null) {
        try (PreparedStatement s = c.prepareStatement(UPSERT_REPORT)) {
          bind(s, moderation);
          s.executeUpdate();
        }
      }
      saveReporters(c, reporters);
      return null;
    });
  }

  @Override
  public Map<String, String> settings() {
    return db.read("read reputation settings", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM reputation_settings WHERE owner = ?")) {
        s.setLong(1, owner);
        Map<String, String> map = new HashMap<>();
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            map.put(rows.getString(1), rows.getString(2));
          }
        }
        return map;
      }
    });
  }

  @Override
  public void saveSetting(String key, String value) {
    db.write("save a reputation setting", c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO reputation_settings (owner, name, value)"
          + " VALUES (?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET value = excluded.value")) {
        s.setLong(1, owner);
        s.setString(2, key);
        s.setString(3, value);
        s.executeUpdate();
      }
      return null;
    });
  }

  private void saveReporters(Connection c, List<Reporter> reporters) throws SQLException {
    if (reporters.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(UPSERT_REPORTER)) {
      for (Reporter r : reporters) {
        s.setLong(1, owner);
        s.setString(2, r.id());
        s.setLong(3, r.firstSeen().toEpochMilli());
        s.setInt(4, r.vouched() ? 1 : 0);
        s.setInt(5, r.confirmed());
        s.setInt(6, r.contradicted());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void bind(PreparedStatement s, Report r) throws SQLException {
    s.setLong(1, owner);
    s.setLong(2, r.number().digits());
    s.setString(3, r.number().e164());
    s.setString(4, r.number().kind().code());
    s.setString(5, r.reporter());
    s.setString(6, r.category().code());
    s.setString(7, r.comment());
    s.setLong(8, r.at().toEpochMilli());
    s.setInt(9, r.contested() ? 1 : 0);
  }

  private static List<Report> reports(PreparedStatement s) throws SQLException {
    List<Report> list = new ArrayList<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        list.add(report(rows, 1));
      }
    }
    return list;
  }

  /** A report from the {@link #REPORT_COLUMNS} starting at column {@code first}. */
  private static Report report(ResultSet rows, int first) throws SQLException {
    return new Report(number(rows.getString(first), rows.getString(first + 1)),
        Category.fromCode(rows.getString(first + 3)), rows.getString(first + 4), rows.getString(first + 2),
        Instant.ofEpochMilli(rows.getLong(first + 5)), rows.getInt(first + 6) != 0);
  }

  private static Reporter reporter(ResultSet rows) throws SQLException {
    return new Reporter(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getInt(3) != 0,
        rows.getInt(4), rows.getInt(5));
  }

  private static PhoneNumber number(String e164, String kind) {
    return PhoneNumber.of(e164, NumberKind.fromCode(kind));
  }

  private static void setInstant(PreparedStatement s, int index, Instant at) throws SQLException {
    if (at == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, at.toEpochMilli());
    }
  }
}
