package org.dunshield.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of screened events for one database, across its accounts: concurrent appends (web
 * requests, the SIP service's screening threads) are gathered into one transaction (one commit
 * instead of one per call). Each caller queues its event and takes the commit lock; whoever holds
 * it writes the queued events, oldest first, in batches of up to {@value #MAX_BATCH}, each account's
 * events with one lock of its evidence chain, until its own is written, so a caller whose event a
 * previous holder already wrote returns at once. After a batch of several events the holder first
 * waits while the queue keeps growing (steps of {@value #GATHER_STEP_NANOS} ns, at most {@value
 * #GATHER_STEPS}); one caller alone never waits. {@link #append} returns only after its event is
 * committed, and a failed batch fails every caller in it. Thread-safe.
 */
final class GroupCommits {
  static final int MAX_BATCH = 512;
  static final long GATHER_STEP_NANOS = 50_000;
  static final int GATHER_STEPS = 4;

  private static final class Pending {
    final long owner;
    final HistoryWriter.Appended appended;
    volatile boolean done;
    long id;
    RuntimeException failure;

    Pending(long owner, HistoryWriter.Appended appended) {
      this.owner = owner;
      this.appended = appended;
    }
  }

  private final Sql sql;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock commit = new ReentrantLock();
  private int lastBatch; // guarded by commit

  GroupCommits(Sql sql) {
    this.sql = sql;
  }

  /** Stores {@code event} of {@code owner}; returns its id once committed (an event already stored: its id). */
  long append(long owner, HistoryWriter.Appended event) {
    Pending mine = new Pending(owner, event);
    queue.add(mine);
    commit.lock();
    try {
      writeUntilDone(mine);
    } finally {
      commit.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.id;
  }

  /** Writes queued events in batches until {@code mine} is written; called with the commit lock held. */
  private void writeUntilDone(Pending mine) {
    while (!mine.done) {
      gather();
      List<Pending> batch = new ArrayList<>();
      for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
        batch.add(p);
      }
      if (batch.isEmpty()) {
        return; // cannot happen while mine is queued and not done
      }
      Map<Long, List<Pending>> byOwner = new LinkedHashMap<>();
      batch.forEach(p -> byOwner.computeIfAbsent(p.owner, o -> new ArrayList<>()).add(p));
      try {
        sql.write("append " + batch.size() + " events to history", s -> {
          for (Map.Entry<Long, List<Pending>> group : byOwner.entrySet()) {
            List<HistoryWriter.Appended> events = new ArrayList<>(group.getValue().size());
            group.getValue().forEach(p -> events.add(p.appended));
            List<Long> ids = HistoryWriter.append(s, group.getKey(), events);
            for (int i = 0; i < ids.size(); i++) {
              group.getValue().get(i).id = ids.get(i);
            }
          }
          return null;
        });
      } catch (RuntimeException e) {
        batch.forEach(p -> p.failure = e);
      }
      batch.forEach(p -> p.done = true);
      lastBatch = batch.size();
    }
  }

  /** After a batch of several events, waits while the queue keeps growing, so one transaction takes them all. */
  private void gather() {
    if (lastBatch < 2) {
      return;
    }
    int seen = queue.size();
    for (int i = 0; i < GATHER_STEPS && seen < MAX_BATCH; i++) {
      LockSupport.parkNanos(GATHER_STEP_NANOS);
      int now = queue.size();
      if (now == seen) {
        return;
      }
      seen = now;
    }
  }
}
