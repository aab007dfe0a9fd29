package org.dunshield.core.screen;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.number.PhoneNumber;

/**
 * Some calls of the last while, per number and time, kept for a check that would otherwise ask the
 * store on every call ({@link DialledTracker}, {@link RepeatCallTracker}). Rebuilt from the calls
 * from one window before the screened call on (later ones included: a phone's clock may run ahead),
 * then kept current by {@link LiveHistory}. A window that starts before what was read (or what has
 * been dropped since: calls too old for the windows asked about) is answered by the store, as a fresh
 * process would ({@link #window} returns {@code null} then).
 *
 * @param <V> what is kept per number and time
 */
abstract class NumberWindow<V> implements LiveHistory.Tracker {
  static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final long window; // milliseconds
  private final Map<PhoneNumber, TreeMap<Long, V>> calls = new HashMap<>();
  private RecentActivity store;
  /** Every kept call at or after this is known here (epoch ms): read, added, and not yet dropped. */
  private long from = Long.MAX_VALUE;
  private long newest = Long.MIN_VALUE;

  NumberWindow(long windowMillis) {
    this.window = windowMillis;
  }

  /** The calls to keep from {@code since} on, as the store has them. */
  abstract List<HistoryEntry> read(RecentActivity history, Instant since);

  /** Whether {@code e} (with a number) is a call this window keeps. */
  abstract boolean keeps(Event e);

  /** What to keep for {@code entry} at its time, given what was kept there before ({@code null}: nothing). */
  abstract V merge(V kept, HistoryEntry entry);

  @Override
  public final void rebuild(RecentActivity history, Instant at) {
    store = history;
    calls.clear();
    from = at.toEpochMilli() - window;
    for (HistoryEntry entry : read(history, Instant.ofEpochMilli(from))) {
      add(entry);
    }
  }

  @Override
  public final void add(HistoryEntry entry) {
    Event e = entry.event();
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    if (e.number() != null && at >= from && keeps(e)) {
      TreeMap<Long, V> times = calls.computeIfAbsent(e.number(), n -> new TreeMap<>());
      times.put(at, merge(times.get(at), entry));
    }
  }

  @Override
  public final long newest() {
    return newest;
  }

  /** The store this window was read from, for the questions it cannot answer. */
  final RecentActivity store() {
    return store;
  }

  /** Where the window before {@code at} starts. */
  final Instant since(Instant at) {
    return at.minusMillis(window);
  }

  /**
   * What is kept for {@code number} in the window before {@code at} ({@code [at - window, at)}, by
   * time; empty when nothing), or {@code null} when the window starts before what is known here:
   * ask {@link #store()}.
   */
  final NavigableMap<Long, V> window(PhoneNumber number, Instant at) {
    long end = at.toEpochMilli();
    long start = end - window;
    if (start < from) {
      return null;
    }
    TreeMap<Long, V> times = calls.get(number); // never empty
    if (times == null) {
      return Collections.emptyNavigableMap();
    }
    if (times.firstKey() < start) {
      times.headMap(start).clear(); // out of every later window; an earlier one goes to the store
      from = Math.max(from, start);
      if (times.isEmpty()) {
        calls.remove(number);
        return Collections.emptyNavigableMap();
      }
    }
    return times.subMap(start, true, end, false);
  }
}
