package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.screen.Verdict;

/**
 * Appends many screened events of one owner in one transaction (one evidence-chain lock, one
 * commit), for servers that gather concurrent requests into one write; from {@link
 * Database#historyWriter(long)}. Each event is stored exactly as {@link
 * org.dunshield.core.history.HistoryRepository#append} stores it. Thread-safe.
 */
public final class HistoryWriter {
  /** One event to append, as {@code append(event, verdict, source)} takes it. */
  public record Appended(Event event, Verdict verdict, String source) {
    public Appended {
      Objects.requireNonNull(event, "event");
    }
  }

  private final Sql sql;
  private final long owner;
  private final GroupCommits commits;

  HistoryWriter(Sql sql, long owner, GroupCommits commits) {
    this.sql = sql;
    this.commits = commits;
    this.owner = owner;
  }

  /** Stores every event in one transaction, all or nothing; returns their ids in order (an event already stored: its id). */
  public List<Long> appendAll(List<Appended> events) {
    return sql.write("append " + events.size() + " events to history", s -> append(s, owner, events));
  }

  /**
   * Stores one event in a transaction shared with the concurrent appends of every account of this
   * database ({@link GroupCommits}); returns its id once committed.
   */
  long appendShared(Appended event) {
    return commits.append(owner, event);
  }

  /** As {@link #appendShared}, without waiting: the future completes on the store's thread once committed. */
  CompletableFuture<Long> appendSharedAsync(Appended event) {
    return commits.appendAsync(owner, event);
  }

  /** Stores {@code events} of {@code owner} in the session's transaction and links them into its evidence chain. */
  static List<Long> append(Sql.Session s, long owner, List<Appended> events) throws java.sql.SQLException {
    EvidenceChain.Head head = EvidenceChain.lock(s, owner);
    PreparedStatement insert = s.prepare(EventRow.INSERT + " RETURNING id");
    List<Long> ids = new ArrayList<>(events.size());
    List<HistoryEntry> added = new ArrayList<>(events.size()); // for the chain; null: that row must be read back
    for (Appended a : events) {
      EventRow.bind(insert, owner, a.event(), a.verdict(), a.source());
      long id = -1;
      try (ResultSet key = insert.executeQuery()) {
        if (key.next()) {
          id = key.getLong(1);
        }
      }
      if (id > 0) {
        added.add(EventRow.asStored(id, a.event(), a.verdict(), a.source()));
      } else {
        PreparedStatement existing = s.prepare("SELECT id FROM history WHERE owner = ? AND dedup_key = ?");
        existing.setLong(1, owner);
        existing.setString(2, a.event().dedupKey());
        try (ResultSet stored = existing.executeQuery()) {
          stored.next();
          id = stored.getLong(1);
        }
      }
      ids.add(id);
    }
    if (!added.isEmpty()) {
      EvidenceChain.chainNewEvents(s, owner, head, s.clock(), added.contains(null) ? null : added);
    }
    return ids;
  }
}
