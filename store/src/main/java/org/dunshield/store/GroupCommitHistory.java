package org.dunshield.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * One owner's history with group commit: concurrent {@link #append} calls are gathered into one
 * transaction (one commit instead of one per request). Each caller queues its event and takes the
 * commit lock; whoever holds it writes the queued events, oldest first, in batches of up to {@value
 * #MAX_BATCH} until its own is written, so a caller whose event a previous holder already wrote
 * returns at once. {@code append}
 * returns only after its event is committed, and a failed batch fails every caller in it: an
 * answered request is a stored event. Reads and imports go straight to the store. Thread-safe.
 */
public final class GroupCommitHistory implements HistoryRepository {
  static final int MAX_BATCH = 512;
  static final long GATHER_STEP_NANOS = 50_000;
  static final int GATHER_STEPS = 4;

  private static final class Pending {
    final HistoryWriter.Appended appended;
    volatile boolean done;
    long id;
    RuntimeException failure;

    Pending(HistoryWriter.Appended appended) {
      this.appended = appended;
    }
  }

  private final HistoryRepository store;
  private final HistoryWriter writer;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock commit = new ReentrantLock();
  private int lastBatch; // guarded by commit

  public GroupCommitHistory(HistoryRepository store, HistoryWriter writer) {
    this.store = Objects.requireNonNull(store, "store");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    Pending mine = new Pending(new HistoryWriter.Appended(event, verdict, source));
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

  /** Writes queued events, oldest first, in batches until {@code mine} is written; called with the commit lock held. */
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
      List<HistoryWriter.Appended> events = new ArrayList<>(batch.size());
      batch.forEach(p -> events.add(p.appended));
      try {
        List<Long> ids = writer.appendAll(events);
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).id = ids.get(i);
        }
      } catch (RuntimeException e) {
        batch.forEach(p -> p.failure = e);
      }
      batch.forEach(p -> p.done = true);
      lastBatch = batch.size();
    }
  }

  /**
   * When the last transaction carried several events, other requests are being screened at the same
   * time: waits while the queue keeps growing (in steps of {@value #GATHER_STEP_NANOS} ns, at most
   * {@value #GATHER_STEPS} steps), so one transaction takes them all. One request alone never waits.
   */
  private void gather() {
    if (lastBatch < 2) {
      return;
    }
    int seen = queue.size();
    for (int i = 0; i < GATHER_STEPS && seen < MAX_BATCH; i++) {
      java.util.concurrent.locks.LockSupport.parkNanos(GATHER_STEP_NANOS);
      int now = queue.size();
      if (now == seen) {
        return;
      }
      seen = now;
    }
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    return store.importAll(events, source);
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return store.list(from, to);
  }

  @Override
  public long lastId() {
    return store.lastId();
  }

  @Override
  public Newer newerThan(long id) {
    return store.newerThan(id);
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    return store.callsFrom(number, since, until);
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    return store.dialled(number, since, until);
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    return store.incoming(channel, since, until);
  }
}
