package org.dunshield.core.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.number.PhoneNumber;

/**
 * The incoming calls of the last minutes, per number (the state behind {@link RepeatCallerCheck}),
 * so that live screening answers "did this number call in the last N minutes, and did one of those
 * calls get through as a repeat call?" from memory instead of asking the store on every call.
 * Rebuilt from the incoming calls from N minutes before the screened call on (later ones included: a
 * phone's clock may run ahead), then kept current by {@link LiveHistory}. A question about a window
 * that starts before what was read (or what has been dropped since) goes to the store, as a fresh
 * process would.
 */
final class RepeatCallTracker implements LiveHistory.Tracker {
  /** What the calls from a number in the window say. */
  enum Earlier {
    /** no call from the number in the window */
    NONE,
    /** calls, none of them let through as a repeat call */
    CALLED,
    /** a call already let through as a repeat call */
    LET_THROUGH
  }

  private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final long window; // the minutes, in milliseconds
  /** Per number: call time (epoch ms) → {calls at that time, of them let through as repeat calls}. */
  private final Map<PhoneNumber, TreeMap<Long, int[]>> calls = new HashMap<>();
  private RecentActivity store;
  /** Every incoming call at or after this is known here (epoch ms): read, added, and not yet dropped. */
  private long from = Long.MAX_VALUE;
  private long newest = Long.MIN_VALUE;

  private RepeatCallTracker(int minutes) {
    this.window = Duration.ofMinutes(minutes).toMillis();
  }

  /**
   * The calls from {@code number} in the {@code minutes} before {@code at}: from the tracker of a
   * {@link LiveHistory}; any other history (a replay, a one-shot CLI process) is asked directly.
   */
  static Earlier earlier(RecentActivity history, int minutes, PhoneNumber number, Instant at) {
    if (!(history instanceof LiveHistory)) {
      return of(history.callsFrom(number, at.minus(Duration.ofMinutes(minutes)), at));
    }
    return LiveHistory.track(history, RepeatCallTracker.class, minutes, at, () -> new RepeatCallTracker(minutes),
        t -> t.earlier(number, at));
  }

  /** What the stored calls {@code earlier} say. */
  static Earlier of(List<HistoryEntry> earlier) {
    if (earlier.isEmpty()) {
      return Earlier.NONE;
    }
    for (HistoryEntry entry : earlier) {
      if (letThrough(entry)) {
        return Earlier.LET_THROUGH;
      }
    }
    return Earlier.CALLED;
  }

  private static boolean letThrough(HistoryEntry entry) {
    return entry.verdict() != null && RepeatCallerCheck.ID.equals(entry.verdict().check());
  }

  @Override
  public void rebuild(RecentActivity history, Instant at) {
    store = history;
    calls.clear();
    from = at.toEpochMilli() - window;
    for (HistoryEntry entry : history.incoming(Channel.CALL, Instant.ofEpochMilli(from), END)) {
      add(entry);
    }
  }

  @Override
  public void add(HistoryEntry entry) {
    Event e = entry.event();
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    if (e.channel() == Channel.CALL && e.direction() == Direction.INCOMING && e.number() != null && at >= from) {
      int[] counts = calls.computeIfAbsent(e.number(), n -> new TreeMap<>()).computeIfAbsent(at, t -> new int[2]);
      counts[0]++;
      if (letThrough(entry)) {
        counts[1]++;
      }
    }
  }

  @Override
  public long newest() {
    return newest;
  }

  Earlier earlier(PhoneNumber number, Instant at) {
    long end = at.toEpochMilli();
    long start = end - window;
    if (start < from) {
      return of(store.callsFrom(number, Instant.ofEpochMilli(start), at));
    }
    TreeMap<Long, int[]> times = calls.get(number); // never empty
    if (times == null) {
      return Earlier.NONE;
    }
    if (times.firstKey() < start) {
      times.headMap(start).clear(); // out of every later window; an earlier one goes to the store
      from = Math.max(from, start);
      if (times.isEmpty()) {
        calls.remove(number);
        return Earlier.NONE;
      }
    }
    NavigableMap<Long, int[]> window = times.subMap(start, true, end, false);
    if (window.isEmpty()) {
      return Earlier.NONE;
    }
    for (int[] counts : window.values()) {
      if (counts[1] > 0) {
        return Earlier.LET_THROUGH;
      }
    }
    return Earlier.CALLED;
  }
}
