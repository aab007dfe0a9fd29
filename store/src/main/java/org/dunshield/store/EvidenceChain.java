package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dunshield.core.evidence.Chain;
import org.dunshield.core.evidence.EvidenceLink;
import org.dunshield.core.evidence.LinkKind;
import org.dunshield.core.evidence.Sha256;
import org.dunshield.core.history.HistoryEntry;

/**
 * Appends to an owner's evidence chain inside the caller's transaction. Every writer of history or
 * attachments first takes the owner's row of {@code evidence_head} ({@link #lock}; on SQLite the
 * transaction already holds the database's only write lock), so links are
 * appended in one order even across processes and PostgreSQL sessions; then {@link #chainNewEvents}
 * links every history row newer than the head's {@code last_event_id}, in id order, and {@link
 * #chainAttachment} links an attachment. Rows stored before the log existed are linked by the next
 * write. Stateless.
 */
final class EvidenceChain {
  private static final int CHUNK = 1000;
  /**
   * The owner's rows after the head, through the {@code (owner, id)} index (V6): the cost follows the
   * owner's new rows, not every row any account wrote since this owner's last event.
   */
  private static final String NEW_EVENTS = EventRow.SELECT + " WHERE id > ? AND owner = ? ORDER BY id LIMIT " + CHUNK;
  private static final String CREATE_HEAD = "INSERT INTO evidence_head (owner, seq, hash, last_event_id)"
      + " VALUES (?, 0, '" + Sha256.ZERO + "', 0) ON CONFLICT DO NOTHING";
  static final String INSERT_LINK = "INSERT INTO evidence_log"
      + " (owner, seq, kind, ref, content_hash, prev_hash, hash, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  /** The head as locked: the last link (null for an empty chain) and the newest chained history id. */
  static final class Head {
    private EvidenceLink last;
    private long lastEventId;

    private Head(EvidenceLink last, long lastEventId) {
      this.last = last;
      this.lastEventId = lastEventId;
    }
  }

  private EvidenceChain() {}

  static Head lock(Sql.Session s, long owner) throws SQLException {
    if (!s.writesAlone()) { // PostgreSQL: the head row exists, and this transaction holds its lock
      PreparedStatement create = s.prepare(CREATE_HEAD);
      create.setLong(1, owner);
      create.executeUpdate();
      PreparedStatement lock = s.prepare("UPDATE evidence_head SET seq = seq WHERE owner = ?");
      lock.setLong(1, owner);
      lock.executeUpdate();
    }
    PreparedStatement read = s.prepare("SELECT seq, hash, last_event_id FROM evidence_head WHERE owner = ?");
    read.setLong(1, owner);
    long seq = 0;
    String hash = Sha256.ZERO;
    long lastEventId = 0;
    boolean found;
    try (ResultSet row = read.executeQuery()) {
      found = row.next();
      if (found) {
        seq = row.getLong(1);
        hash = row.getString(2);
        lastEventId = row.getLong(3);
      }
    }
    if (!found) { // SQLite, the owner's first write: no other transaction can create it meanwhile
      PreparedStatement create = s.prepare(CREATE_HEAD);
      create.setLong(1, owner);
      create.executeUpdate();
    }
    if (seq == 0) {
      return new Head(null, lastEventId);
    }
    PreparedStatement link = s.prepare("SELECT seq, kind, ref, content_hash, prev_hash, hash, recorded_at"
        + " FROM evidence_log WHERE owner = ? AND seq = ?");
    link.setLong(1, owner);
    link.setLong(2, seq);
    try (ResultSet row = link.executeQuery()) {
      if (!row.next()) {
        throw new StoreException("the evidence log of owner " + owner + " lacks its head link " + seq
            + "; run evidence verify");
      }
      EvidenceLink last = link(row);
      if (!last.hash().equals(hash)) {
        throw new StoreException("the evidence log head of owner " + owner + " does not match link " + seq
            + "; run evidence verify");
      }
      return new Head(last, lastEventId);
    }
  }

  /** Links every history row of {@code owner} newer than the head, then saves the head. */
  static void chainNewEvents(Sql.Session s, long owner, Head head, Clock clock) throws SQLException {
    chainNewEvents(s, owner, head, clock, null);
  }

  /**
   * As {@link #chainNewEvents(Sql.Session, long, Head, Clock)}; {@code written} (or {@code null}) are
   * the rows this transaction just inserted, as they read back ({@link EventRow#asStored}). When
   * they are all the owner's rows newer than the head (one count through the {@code (owner, id)}
   * index tells) they are linked from memory, without reading them back: the same links, and the
   * history writer's largest cost after the insert itself. Otherwise (rows written before the log
   * existed, or behind the store's back) every newer row is read and linked.
   */
  static void chainNewEvents(Sql.Session s, long owner, Head head, Clock clock, List<HistoryEntry> written)
      throws SQLException {
    Instant now = clock.instant();
    PreparedStatement insert = s.prepare(INSERT_LINK);
    if (written != null && !written.isEmpty() && onlyNewer(s, owner, head.lastEventId, written)) {
      List<HistoryEntry> rows = new ArrayList<>(written);
      rows.sort(Comparator.comparingLong(HistoryEntry::id));
      link(insert, owner, head, rows, now);
      save(s, owner, head);
      return;
    }
    PreparedStatement select = s.prepare(NEW_EVENTS);
    boolean changed = false;
    while (true) {
      select.setLong(1, head.lastEventId);
      select.setLong(2, owner);
      List<HistoryEntry> rows = new ArrayList<>(); // mostly a few rows: no 1,000-slot array per write
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          rows.add(EventRow.entry(r));
        }
      }
      if (rows.isEmpty()) {
        break;
      }
      link(insert, owner, head, rows, now);
      changed = true;
      if (rows.size() < CHUNK) {
        break; // that was the last of them: no query for an empty chunk (one statement fewer per write)
      }
    }
    if (changed) {
      save(s, owner, head);
    }
  }

  /** Whether {@code written} are exactly the owner's rows with ids above {@code after}. */
  private static boolean onlyNewer(Sql.Session s, long owner, long after, List<HistoryEntry> written)
      throws SQLException {
    for (HistoryEntry e : written) {
      if (e.id() <= after) {
        return false;
      }
    }
    PreparedStatement count = s.prepare("SELECT COUNT(*) FROM history WHERE owner = ? AND id > ?");
    count.setLong(1, owner);
    count.setLong(2, after);
    try (ResultSet r = count.executeQuery()) {
      return r.next() && r.getLong(1) == written.size();
    }
  }

  /** Appends a link for each row, in order, and moves the head past them. */
  private static void link(PreparedStatement insert, long owner, Head head, List<HistoryEntry> rows, Instant now)
      throws SQLException {
    for (HistoryEntry e : rows) {
      head.last = EvidenceLink.next(head.last, LinkKind.EVENT, e.id(), Chain.eventHash(e), now);
      bind(insert, owner, head.last);
      insert.addBatch();
      head.lastEventId = e.id();
    }
    insert.executeBatch();
  }

  static EvidenceLink chainAttachment(Sql.Session s, long owner, Head head, long attachmentId, String contentHash,
      Instant at) throws SQLException {
    head.last = EvidenceLink.next(head.last, LinkKind.ATTACHMENT, attachmentId, contentHash, at);
    PreparedStatement insert = s.prepare(INSERT_LINK);
    bind(insert, owner, head.last);
    insert.executeUpdate();
    save(s, owner, head);
    return head.last;
  }

  static EvidenceLink link(ResultSet row) throws SQLException {
    return new EvidenceLink(row.getLong("seq"), LinkKind.fromCode(row.getString("kind")), row.getLong("ref"),
        row.getString("content_hash"), row.getString("prev_hash"), row.getString("hash"),
        Instant.ofEpochMilli(row.getLong("recorded_at")));
  }

  private static void bind(PreparedStatement insert, long owner, EvidenceLink l) throws SQLException {
    insert.setLong(1, owner);
    insert.setLong(2, l.seq());
    insert.setString(3, l.kind().code());
    insert.setLong(4, l.ref());
    insert.setString(5, l.contentHash());
    insert.setString(6, l.prevHash());
    insert.setString(7, l.hash());
    insert.setLong(8, l.recordedAt().toEpochMilli());
  }

  private static void save(Sql.Session s, long owner, Head head) throws SQLException {
    PreparedStatement update = s.prepare("UPDATE evidence_head SET seq = ?, hash = ?, last_event_id = ? WHERE owner = ?");
    update.setLong(1, head.last == null ? 0 : head.last.seq());
    update.setString(2, head.last == null ? Sha256.ZERO : head.last.hash());
    update.setLong(3, head.lastEventId);
    update.setLong(4, owner);
    update.executeUpdate();
  }
}
