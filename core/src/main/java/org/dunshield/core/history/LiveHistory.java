package org.dunshield.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dunshield.core.event.Event;
import org.dunshield.core.screen.Verdict;

/**
 * Live screening's history: the store, plus an in-memory log of the events this process appended,
 * so that detectors keep their state incrementally ({@link Tracker}) instead of re-reading their
 * whole window from the store on every call. Under a bombing flood that re-read grew with the call
 * rate; with trackers a decision costs the same however busy the line is.
 *
 * <p>A tracker is built once from the store ({@link Tracker#rebuild}, exactly what a fresh process
 * does for every call) and then fed every entry appended since it last ran. It is rebuilt when its
 * {@code version} changes (the checks pass the rules, contacts and settings they trust by), when
 * this process did not see every write ({@link #refresh} found another process's rows, an import
 * went past it, or {@link #reset}), when it fell more than {@value #MAX_LOG} entries behind, and for
 * an event more than {@value #SLACK_MILLIS} ms older than the newest it has seen (that one is
 * answered from a one-off rebuild, as a fresh process would).
 *
 * <p>Fed in time order, a tracker answers exactly like the rebuild. Concurrent screenings of one
 * owner may append a few milliseconds out of time order, and an event appended while a tracker
 * rebuilds may be counted twice or not at all; both only matter at thresholds, and only for that
 * moment. Reads and imports go to the store. Thread-safe.
 */
public final class LiveHistory extends ForwardingHistory {
  /**
   * The most appended entries kept for trackers to catch up with; one further behind rebuilds. The
   * trackers a call or message consults run on every call or message, so they lag a few entries;
   * only a tracker of the other channel falls this far behind, and rebuilds once. Kept small on
   * purpose: at 10,000 screened calls a second a 65,536-entry log kept each entry (a dozen objects)
   * alive for 6 s, so every young collection copied tens of megabytes (25–36 ms pauses, the web
   * API's p99); at 4,096 they die young (pauses 7 ms, at most 20).
   */
  static final int MAX_LOG = 1 << 12;
  /** How much older than a tracker's newest event an event may be and still be decided by it. */
  static final long SLACK_MILLIS = 1_000;

  /**
   * State derived from the history's events, kept current by feeding it every entry appended after
   * it was built. Implementations need not be thread-safe: the history runs one at a time.
   */
  public interface Tracker {
    /** Builds the state from {@code history} as it stands before {@code at}. */
    void rebuild(RecentActivity history, Instant at);

    /** Takes one entry appended after the rebuild or the previous one (of any channel or direction). */
    void add(HistoryEntry entry);

    /** The time of the newest event taken, epoch milliseconds, or {@code Long.MIN_VALUE}. */
    long newest();
  }

  private static final class Slot {
    Tracker tracker;
    Object version;
    long epoch = -1;
    long seen;
  }

  private final ConcurrentHashMap<Object, Slot> slots = new ConcurrentHashMap<>();
  // the log: entries with sequence numbers [next - size, next), entry seq at log[seq & (log.length - 1)]
  private HistoryEntry[] log = new HistoryEntry[16];
  private int size;
  private long next;
  private long epoch;
  // every stored id up to base existed when this history last (re)started: appending it again adds nothing
  private long base;
  // every stored id up to verified is accounted for: at most base, or appended (and logged) here
  private long verified;
  private final List<Long> ours = new ArrayList<>(); // ids appended here above verified
  private int inFlight; // appends between the store and the log
  private final Set<Long> logged = new HashSet<>();

  public LiveHistory(HistoryRepository store) {
    super(store);
    this.base = store.lastId();
    this.verified = base;
  }

  /**
   * Answers {@code query} from the tracker registered under {@code key}: from the live tracker
   * when {@code history} is a {@code LiveHistory}, otherwise (replay, tests, a one-shot process)
   * from a tracker just rebuilt from {@code history}. Either way the answer is the same.
   *
   * @param version what the tracker's state depends on besides the events (compared with {@code equals})
   */
  public static <T extends Tracker, R> R track(RecentActivity history, Object key, Object version, Instant at,
      Supplier<T> create, Function<T, R> query) {
    if (history instanceof LiveHistory live) {
      return live.tracked(key, version, at, create, query);
    }
    T tracker = create.get();
    tracker.rebuild(history, at);
    return query.apply(tracker);
  }

  @SuppressWarnings("unchecked")
  private <T extends Tracker, R> R tracked(Object key, Object version, Instant at, Supplier<T> create,
      Function<T, R> query) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    synchronized (slot) {
      List<HistoryEntry> pending = null;
      boolean cold;
      synchronized (this) {
        cold = slot.tracker == null || slot.epoch != epoch || !Objects.equals(slot.version, version)
            || slot.seen < next - size;
        if (!cold) {
          pending = new ArrayList<>((int) (next - slot.seen));
          for (long seq = slot.seen; seq < next; seq++) {
            pending.add(log[(int) seq & (log.length - 1)]);
          }
        }
        slot.seen = next;
        slot.epoch = epoch;
      }
      if (cold) {
        T fresh = create.get();
        fresh.rebuild(store(), at);
        slot.tracker = fresh;
        slot.version = version;
      } else {
        for (HistoryEntry entry : pending) {
          slot.tracker.add(entry);
        }
      }
      long newest = slot.tracker.newest();
      if (newest != Long.MIN_VALUE && at.toEpochMilli() < newest - SLACK_MILLIS) {
        T once = create.get();
        once.rebuild(store(), at);
        return query.apply(once);
      }
      return query.apply((T) slot.tracker);
    }
  }

  /**
   * Checks the store for rows another process wrote; if there are any, every tracker rebuilds. The
   * rows above the last check are counted and compared with the ones appended here; while some of
   * those are still on their way from the store to the log the answer waits for a later check, so
   * this process's own writes never look foreign.
   */
  public void refresh() {
    long from;
    synchronized (this) {
      from = verified;
    }
    Newer newer = store().newerThan(from);
    synchronized (this) {
      if (from != verified) {
        return; // restarted meanwhile
      }
      long mine = ours.stream().filter(id -> id > from && id <= newer.lastId()).count();
      if (newer.count() == mine) {
        verified = newer.lastId();
        ours.removeIf(id -> id <= verified);
      } else if (newer.count() > mine + inFlight) {
        restart(newer.lastId());
      }
    }
  }

  /** Forgets the log: every tracker rebuilds from the store at its next use. */
  public void reset() {
    long last = store().lastId();
    synchronized (this) {
      restart(last);
    }
  }

  private void restart(long last) {
    epoch++;
    base = Math.max(base, last);
    verified = base;
    ours.clear();
    java.util.Arrays.fill(log, null);
    size = 0;
    logged.clear();
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    synchronized (this) {
      inFlight++;
    }
    long id = -1;
    try {
      id = store().append(event, verdict, source);
      return id;
    } finally {
      stored(id, event, verdict, source);
    }
  }

  /** As {@link #append}, without waiting: the entry is logged for the trackers once the store has it. */
  @Override
  public CompletionStage<Long> appendAsync(Event event, Verdict verdict, String source) {
    synchronized (this) {
      inFlight++;
    }
    CompletionStage<Long> stored;
    try {
      stored = store().appendAsync(event, verdict, source);
    } catch (RuntimeException e) {
      stored(-1, event, verdict, source);
      throw e;
    }
    return stored.whenComplete((id, failure) -> stored(failure == null ? id : -1, event, verdict, source));
  }

  /** An append has left the store ({@code id} -1: it failed): logs a new entry. */
  private synchronized void stored(long id, Event event, Verdict verdict, String source) {
    inFlight--;
    if (id > base && logged.add(id)) { // else the store already had it (same dedup key): nothing new
      log(new HistoryEntry(id, event, verdict, source));
      ours.add(id);
    }
  }

  /** Adds to the log; called with the lock held. */
  private void log(HistoryEntry entry) {
    if (size == log.length) {
      if (log.length < MAX_LOG) {
        grow();
      } else {
        logged.remove(log[(int) (next - size) & (log.length - 1)].id());
        size--;
      }
    }
    log[(int) next & (log.length - 1)] = entry;
    next++;
    size++;
  }

  private void grow() {
    HistoryEntry[] bigger = new HistoryEntry[log.length * 2];
    for (long seq = next - size; seq < next; seq++) {
      bigger[(int) seq & (bigger.length - 1)] = log[(int) seq & (log.length - 1)];
    }
    log = bigger;
  }

  /** Imports straight into the store, then starts over: the imported past may change what trackers know. */
  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    try {
      return store().importAll(events, source);
    } finally {
      reset();
    }
  }
}
