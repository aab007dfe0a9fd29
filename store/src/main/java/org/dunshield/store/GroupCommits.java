package org.dunshield.store;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit of screened events for one database, across its accounts: concurrent appends (web
 * requests, the SIP service's screening threads) are gathered into one transaction (one commit
 * instead of one per call). Appends are queued for one writer thread, which takes everything queued
 * (at most {@value #MAX_BATCH} at a time), writes it in one transaction, each account's events with
 * one lock of its evidence chain, and starts on what arrived meanwhile: batches grow with the load
 * and nobody waits for a batch to fill. A second thread completes each committed batch's appends (so
 * waking callers and running their follow-ups overlaps the next batch's write). An append's future
 * completes only after its event is committed, and a failed batch fails every append in it. On
 * SQLite a third thread checkpoints the write-ahead log every {@value #CHECKPOINT_MILLIS} ms while
 * batches are written ({@code PRAGMA wal_checkpoint(PASSIVE)}, which does not block the writer): left
 * to SQLite's automatic checkpoint, every few seconds one commit copied thousands of pages into the
 * database and every request of that batch waited tens of milliseconds (the web API's p90 and p99).
 * After each checkpoint that copied pages it syncs the database file ({@link DatabaseFileSync}), so
 * the automatic checkpoint, which stays as the backstop and still runs in a commit whenever the log
 * reaches its length, has little left to write when it syncs. The threads start with the first append and end
 * after {@value #IDLE_SECONDS} s without one, or at {@link #close}, which first writes what is
 * queued. Thread-safe.
 */
final class GroupCommits implements AutoCloseable {
  static final int MAX_BATCH = 512;
  static final int IDLE_SECONDS = 10;
  static final int CHECKPOINT_MILLIS = 50;

  private static final class Pending extends CompletableFuture<Long> {
    final long owner;
    final HistoryWriter.Appended appended;
    long id; // set by the writer, read by the completer after the hand-over

    Pending(long owner, HistoryWriter.Appended appended) {
      this.owner = owner;
      this.appended = appended;
    }
  }

  /** A written batch, and the failure its appends complete with ({@code null}: each with its id). */
  private record Written(List<Pending> batch, RuntimeException failure) {
    void complete() {
      for (Pending p : batch) {
        if (failure != null) {
          p.completeExceptionally(failure);
        } else {
          p.complete(p.id);
        }
      }
    }
  }

  private static final Pending END = new Pending(0, null);
  private static final Written DONE = new Written(List.of(), null);

  private final Sql sql;
  private final DatabaseFileSync fileSync;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Written> written = new LinkedBlockingQueue<>();
  private final Object threads = new Object();
  private Thread writer; // guarded by threads
  private Thread completer; // guarded by threads
  private Thread checkpointer; // guarded by threads
  private boolean writtenSinceCheckpoint; // guarded by threads
  private boolean closed; // guarded by threads

  GroupCommits(Sql sql, DatabaseFileSync fileSync) {
    this.sql = sql;
    this.fileSync = fileSync;
  }

  /** Stores {@code event} of {@code owner}; returns its id once committed (an event already stored: its id). */
  long append(long owner, HistoryWriter.Appended event) {
    try {
      return appendAsync(owner, event).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Queues {@code event} of {@code owner}; the future completes with its id once committed (an event
   * already stored: its id), or with the {@link StoreException} of its failed batch. It completes on
   * the store's completion thread: follow-ups that block or take long belong on another executor.
   * The threads run at the priority of the thread whose append started them (the SIP service's
   * recorders run low, so its writes do not take a CPU from its decisions).
   */
  CompletableFuture<Long> appendAsync(long owner, HistoryWriter.Appended event) {
    Pending mine = new Pending(owner, event);
    synchronized (threads) {
      if (closed) {
        mine.completeExceptionally(new StoreException("append to history: the database is closed"));
        return mine;
      }
      queue.add(mine);
      if (writer == null) {
        writer = start("dunshield-history-writer", this::write);
      }
      if (completer == null) {
        completer = start("dunshield-history-completer", this::complete);
      }
    }
    return mine;
  }

  private static Thread start(String name, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    t.setPriority(Thread.currentThread().getPriority());
    t.start();
    return t;
  }

  /** The writer's loop: takes what is queued, writes it in one transaction, hands it to the completer. */
  private void write() {
    while (true) {
      Pending first = poll(queue);
      if (first == null) {
        synchronized (threads) {
          if (queue.isEmpty()) { // idle: the next append starts a new writer
            retire();
            return;
          }
        }
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean end = batch.remove(END); // closed; the queue is FIFO: nothing follows END
      if (!batch.isEmpty()) {
        written.add(write(batch));
        checkpointLater();
      }
      if (end) {
        synchronized (threads) {
          retire();
          return;
        }
      }
    }
  }

  /** The writer ends; called with the lock held. The completer ends after what was written before. */
  private void retire() {
    writer = null;
    written.add(DONE);
  }

  private Written write(List<Pending> batch) {
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
      return new Written(batch, null);
    } catch (RuntimeException e) {
      return new Written(batch, e);
    }
  }

  /** Has the checkpointer (started if need be) checkpoint the write-ahead log soon: SQLite only. */
  private void checkpointLater() {
    if (!sql.writesAlone()) {
      return;
    }
    synchronized (threads) {
      writtenSinceCheckpoint = true;
      if (checkpointer == null && !closed) {
        checkpointer = start("dunshield-wal-checkpoint", this::checkpoint);
      }
    }
  }

  /** The checkpointer's loop: every {@value #CHECKPOINT_MILLIS} ms, a passive checkpoint if batches were written. */
  private void checkpoint() {
    while (true) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(CHECKPOINT_MILLIS));
      synchronized (threads) {
        if (!writtenSinceCheckpoint || closed) {
          checkpointer = null;
          return;
        }
        writtenSinceCheckpoint = false;
      }
      try {
        long copied = sql.read("checkpoint the write-ahead log", s -> {
          try (Statement st = s.connection().createStatement();
              ResultSet r = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return r.next() ? r.getLong(3) : 0L; // busy, frames in the log, frames copied into the database
          }
        });
        if (copied > 0) {
          fileSync.sync();
        }
      } catch (RuntimeException | IOException e) { // the automatic checkpoint stays: a failed one here loses nothing
        System.err.println("dunshield: " + e.getMessage());
      }
    }
  }

  /** The completer's loop: completes the appends of each written batch, in order, until its writer ends. */
  private void complete() {
    while (true) {
      Written w;
      try {
        w = written.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (w == DONE) {
        synchronized (threads) {
          if (writer == null && written.isEmpty()) {
            completer = null;
            return;
          }
        }
        continue; // a new writer started meanwhile: its batches follow
      }
      w.complete();
    }
  }

  private static <T> T poll(LinkedBlockingQueue<T> q) {
    try {
      return q.poll(IDLE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) { // nothing interrupts these threads: treat it as a wake-up
      return null;
    }
  }

  /** Refuses new appends, and waits until those queued are written and completed. */
  @Override
  public void close() {
    Thread w;
    Thread c;
    Thread k;
    synchronized (threads) {
      if (closed) {
        return;
      }
      closed = true;
      w = writer;
      c = completer;
      k = checkpointer;
      if (w != null) {
        queue.add(END);
      }
    }
    join(w);
    join(c);
    if (k != null) {
      LockSupport.unpark(k);
      join(k);
    }
  }

  private static void join(Thread t) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
