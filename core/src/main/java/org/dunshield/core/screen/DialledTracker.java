package org.dunshield.core.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.number.PhoneNumber;

/**
 * The numbers the user called lately and when (the state behind {@link DialledCheck}), so that live
 * screening answers "did the user call this number in the last N days?" from memory instead of
 * asking the store on every call. Rebuilt from the calls the user made from N days before the
 * screened call on (later ones included: a phone's clock may run ahead), then kept current by
 * {@link LiveHistory}. A question about a window that starts before what was read (or what has been
 * dropped since, calls too old for the windows asked about) goes to the store, as a fresh process
 * would.
 */
final class DialledTracker implements LiveHistory.Tracker {
  private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final long window; // the days, in milliseconds
  private final Map<PhoneNumber, TreeSet<Long>> calls = new HashMap<>();
  private RecentActivity store;
  /** Every call the user made at or after this is known here (epoch ms): read, added, and not yet dropped. */
  private long from = Long.MAX_VALUE;
  private long newest = Long.MIN_VALUE;

  private DialledTracker(int days) {
    this.window = Duration.ofDays(days).toMillis();
  }

  /**
   * Whether the user called {@code number} in the {@code days} before {@code at}: from the tracker
   * of a {@link LiveHistory}; any other history (a replay, a one-shot CLI process) is asked directly,
   * one question being cheaper than reading every call made in the window.
   */
  static boolean dialled(RecentActivity history, int days, PhoneNumber number, Instant at) {
    if (!(history instanceof LiveHistory)) {
      return history.dialled(number, at.minus(Duration.ofDays(days)), at);
    }
    return LiveHistory.track(history, DialledTracker.class, days, at, () -> new DialledTracker(days),
        t -> t.dialled(number, at));
  }

  @Override
  public void rebuild(RecentActivity history, Instant at) {
    store = history;
    calls.clear();
    from = at.toEpochMilli() - window;
    for (HistoryEntry entry : history.dialledCalls(Instant.ofEpochMilli(from), END)) {
      add(entry);
    }
  }

  @Override
  public void add(HistoryEntry entry) {
    Event e = entry.event();
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    if (e.channel() == Channel.CALL && e.direction() == Direction.OUTGOING && e.number() != null && at >= from) {
      calls.computeIfAbsent(e.number(), n -> new TreeSet<>()).add(at);
    }
  }

  @Override
  public long newest() {
    return newest;
  }

  boolean dialled(PhoneNumber number, Instant at) {
    long end = at.toEpochMilli();
    long start = end - window;
    if (start < from) {
      return store.dialled(number, Instant.ofEpochMilli(start), at);
    }
    TreeSet<Long> times = calls.get(number); // never empty
    if (times == null) {
      return false;
    }
    if (times.first() < start) {
      times.headSet(start).clear(); // out of every later window; an earlier one goes to the store
      from = Math.max(from, start);
      if (times.isEmpty()) {
        calls.remove(number);
        return false;
      }
    }
    Long first = times.ceiling(start);
    return first != null && first < end;
  }
}
