package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dunshield.core.evidence.Chain;
import org.dunshield.core.evidence.ChainVerifier;
import org.dunshield.core.evidence.EvidenceLink;
import org.dunshield.core.evidence.EvidenceLog;
import org.dunshield.core.evidence.LinkKind;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.history.HistoryEntry;

/**
 * One owner's evidence log in {@code evidence_log}: verification reads the links in chunks of
 * {@value #CHUNK}, each with the history rows and attachment files they point to, so memory stays
 * flat however long the chain. Thread-safe.
 */
final class EvidenceTable implements EvidenceLog {
  private static final int CHUNK = 1000;

  private final Sql sql;
  private final long owner;
  private final AttachmentFiles files;

  EvidenceTable(Sql sql, long owner, AttachmentFiles files) {
    this.sql = sql;
    this.owner = owner;
    this.files = files;
  }

  @Override
  public Verification verify() {
    long unchained = sql.read("count unchained events", s -> {
      PreparedStatement count = s.prepare("SELECT count(*) FROM history WHERE owner + 0 = ? AND id >"
          + " COALESCE((SELECT last_event_id FROM evidence_head WHERE owner = ?), 0)");
      count.setLong(1, owner);
      count.setLong(2, owner);
      try (ResultSet r = count.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
    return ChainVerifier.verify(new Chunks(), unchained);
  }

  @Override
  public long size() {
    return sql.read("count evidence links", s -> {
      PreparedStatement count = s.prepare("SELECT count(*) FROM evidence_log WHERE owner = ?");
      count.setLong(1, owner);
      try (ResultSet r = count.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  /** The links after {@code afterSeq}, at most {@value #CHUNK}, each with its item's current hash. */
  private List<ChainVerifier.Observed> chunk(long afterSeq) {
    return sql.read("verify the evidence log", s -> {
      PreparedStatement select = s.prepare("SELECT seq, kind, ref, content_hash, prev_hash, hash, recorded_at"
          + " FROM evidence_log WHERE owner = ? AND seq > ? ORDER BY seq LIMIT " + CHUNK);
      select.setLong(1, owner);
      select.setLong(2, afterSeq);
      List<EvidenceLink> links = new ArrayList<>();
      long minEvent = Long.MAX_VALUE;
      long maxEvent = Long.MIN_VALUE;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          EvidenceLink l = EvidenceChain.link(rows);
          links.add(l);
          if (l.kind() == LinkKind.EVENT) {
            minEvent = Math.min(minEvent, l.ref());
            maxEvent = Math.max(maxEvent, l.ref());
          }
        }
      }
      Map<Long, HistoryEntry> events = new HashMap<>();
      if (minEvent <= maxEvent) {
        PreparedStatement history = s.prepare(EventRow.SELECT + " WHERE id >= ? AND id <= ? AND owner + 0 = ?");
        history.setLong(1, minEvent);
        history.setLong(2, maxEvent);
        history.setLong(3, owner);
        try (ResultSet rows = history.executeQuery()) {
          while (rows.next()) {
            try {
              HistoryEntry e = EventRow.entry(rows);
              events.put(e.id(), e);
            } catch (RuntimeException unreadable) {
              events.put(rows.getLong("id"), null); // a field no longer parses: the event was altered
            }
          }
        }
      }
      List<ChainVerifier.Observed> observed = new ArrayList<>(links.size());
      for (EvidenceLink l : links) {
        observed.add(switch (l.kind()) {
          case EVENT -> {
            HistoryEntry e = events.get(l.ref());
            yield e == null
                ? new ChainVerifier.Observed(l, null, events.containsKey(l.ref()) ? "a stored field is unreadable" : "deleted")
                : new ChainVerifier.Observed(l, Chain.eventHash(e));
          }
          case ATTACHMENT -> attachment(s, l);
        });
      }
      return observed;
    });
  }

  private ChainVerifier.Observed attachment(Sql.Session s, EvidenceLink l) throws SQLException {
    PreparedStatement select = s.prepare("SELECT id, case_id, name, sha256, size, added_at FROM attachments"
        + " WHERE owner = ? AND id = ?");
    select.setLong(1, owner);
    select.setLong(2, l.ref());
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return new ChainVerifier.Observed(l, null, "its record was deleted");
      }
      String name = row.getString("name");
      long size = row.getLong("size");
      String sha = row.getString("sha256");
      String current;
      try {
        current = files.currentDigest(sha);
      } catch (IllegalArgumentException badDigest) {
        return new ChainVerifier.Observed(l, null, "its recorded digest was altered");
      }
      if (current == null) {
        return new ChainVerifier.Observed(l, null, "the file " + sha + " is gone");
      }
      return new ChainVerifier.Observed(l, Chain.attachmentHash(name, size, current));
    }
  }

  /** Pulls the chain chunk by chunk. */
  private final class Chunks implements Iterator<ChainVerifier.Observed> {
    private Iterator<ChainVerifier.Observed> current = List.<ChainVerifier.Observed>of().iterator();
    private long lastSeq;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (!current.hasNext() && !exhausted) {
        List<ChainVerifier.Observed> next = chunk(lastSeq);
        exhausted = next.size() < CHUNK;
        if (!next.isEmpty()) {
          lastSeq = next.get(next.size() - 1).link().seq();
        }
        current = next.iterator();
      }
      return current.hasNext();
    }

    @Override
    public ChainVerifier.Observed next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

}
