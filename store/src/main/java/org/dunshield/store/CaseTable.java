package org.dunshield.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.CaseRepository;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * One owner's cases in the {@code cases} table and their attachments in {@code attachments}, the
 * bytes in {@link AttachmentFiles}. Numbers are kept as comma-separated E.164. Thread-safe.
 */
final class CaseTable implements CaseRepository {
  private static final String CASE_COLUMNS = "id, name, numbers, from_at, to_at, created_at";
  private static final String ATTACHMENT_COLUMNS = "id, case_id, name, sha256, size, added_at";

  private final Sql sql;
  private final long owner;
  private final AttachmentFiles files;
  private final Clock clock;

  CaseTable(Sql sql, long owner, AttachmentFiles files, Clock clock) {
    this.sql = sql;
    this.owner = owner;
    this.files = files;
    this.clock = clock;
  }

  @Override
  public Case create(Case draft) {
    return sql.write("create case " + draft.name(), s -> {
      PreparedStatement insert = s.prepare("INSERT INTO cases (owner, name, numbers, from_at, to_at, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id");
      insert.setLong(1, owner);
      insert.setString(2, draft.name());
      insert.setString(3, String.join(",", draft.numbers().stream().map(PhoneNumber::e164).toList()));
      millis(insert, 4, draft.from());
      millis(insert, 5, draft.to());
      insert.setLong(6, draft.createdAt().toEpochMilli());
      try (ResultSet key = insert.executeQuery()) {
        if (!key.next()) {
          throw new IllegalArgumentException("a case named '" + draft.name() + "' already exists");
        }
        return draft.withId(key.getLong(1));
      }
    });
  }

  @Override
  public List<Case> list() {
    return sql.read("list cases", s -> {
      PreparedStatement select = s.prepare("SELECT " + CASE_COLUMNS + " FROM cases WHERE owner = ? ORDER BY id");
      select.setLong(1, owner);
      List<Case> cases = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          cases.add(kase(rows));
        }
      }
      return cases;
    });
  }

  @Override
  public Optional<Case> find(String idOrName) {
    String key = idOrName.strip();
    boolean byId = !key.isEmpty() && key.length() < 19 && key.chars().allMatch(Character::isDigit);
    return sql.read("find case " + key, s -> {
      PreparedStatement select = s.prepare("SELECT " + CASE_COLUMNS + " FROM cases WHERE owner = ? AND "
          + (byId ? "id = ?" : "name = ?"));
      select.setLong(1, owner);
      if (byId) {
        select.setLong(2, Long.parseLong(key));
      } else {
        select.setString(2, key);
      }
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(kase(rows)) : Optional.empty();
      }
    });
  }

  @Override
  public Attachment attach(long caseId, Path file) {
    Path name = file.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("not a file: " + file);
    }
    AttachmentFiles.Stored stored = files.put(file);
    Instant now = clock.instant();
    return sql.write("attach " + file + " to case " + caseId, s -> {
      PreparedStatement exists = s.prepare("SELECT 1 FROM cases WHERE owner = ? AND id = ?");
      exists.setLong(1, owner);
      exists.setLong(2, caseId);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("no case " + caseId);
        }
      }
      EvidenceChain.Head head = EvidenceChain.lock(s, owner);
      EvidenceChain.chainNewEvents(s, owner, head, clock);
      PreparedStatement insert = s.prepare("INSERT INTO attachments (owner, case_id, name, sha256, size, added_at)"
          + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
      insert.setLong(1, owner);
      insert.setLong(2, caseId);
      insert.setString(3, name.toString());
      insert.setString(4, stored.sha256());
      insert.setLong(5, stored.size());
      insert.setLong(6, now.toEpochMilli());
      long id;
      try (ResultSet key = insert.executeQuery()) {
        key.next();
        id = key.getLong(1);
      }
      Attachment a = new Attachment(id, caseId, name.toString(), stored.sha256(), stored.size(),
          Instant.ofEpochMilli(now.toEpochMilli()));
      EvidenceChain.chainAttachment(s, owner, head, id, a.contentHash(), now);
      return a;
    });
  }

  @Override
  public List<Attachment> attachments(long caseId) {
    return sql.read("list attachments of case " + caseId, s -> {
      PreparedStatement select = s.prepare("SELECT " + ATTACHMENT_COLUMNS
          + " FROM attachments WHERE owner = ? AND case_id = ? ORDER BY id");
      select.setLong(1, owner);
      select.setLong(2, caseId);
      List<Attachment> list = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          list.add(attachment(rows));
        }
      }
      return list;
    });
  }

  @Override
  public InputStream open(Attachment attachment) {
    return files.open(attachment.sha256());
  }

  static Attachment attachment(ResultSet row) throws SQLException {
    return new Attachment(row.getLong("id"), row.getLong("case_id"), row.getString("name"), row.getString("sha256"),
        row.getLong("size"), Instant.ofEpochMilli(row.getLong("added_at")));
  }

  private static Case kase(ResultSet row) throws SQLException {
    String numbers = row.getString("numbers");
    List<PhoneNumber> parsed = numbers.isEmpty() ? List.of() : Arrays.stream(numbers.split(","))
        .map(CaseTable::number).toList();
    return new Case(row.getLong("id"), row.getString("name"), parsed, instant(row, "from_at"), instant(row, "to_at"),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }

  /** A stored E.164 number; its kind is recomputed (libphonenumber reads E.164 the same in every region). */
  private static PhoneNumber number(String e164) {
    try {
      return NumberParser.forRegion("CN").parse(e164);
    } catch (IllegalArgumentException e) {
      return PhoneNumber.of(e164, NumberKind.UNKNOWN);
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long ms = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  private static void millis(PreparedStatement s, int i, Instant at) throws SQLException {
    if (at == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, at.toEpochMilli());
    }
  }
}
