package org.dunshield.core.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
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
 * calls get through as a repeat call?" from memory instead of asking the store on every call
 * ({@link NumberWindow}: rebuilt from the incoming calls from N minutes before the screened call on,
 * then kept current by {@link LiveHistory}). Kept per number and time: {calls, of them let through as
 * repeat calls}.
 */
final class RepeatCallTracker extends NumberWindow<int[]> {
  /** What the calls from a number in the window say. */
  enum Earlier {
    /** no call from the number in the window */
    NONE,
    /** calls, none of them let through as a repeat call */
    CALLED,
    /** a call already let through as a repeat call */
    LET_THROUGH
  }

  private RepeatCallTracker(int minutes) {
    super(Duration.ofMinutes(minutes).toMillis());
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
  List<HistoryEntry> read(RecentActivity history, Instant since) {
    return history.incoming(Channel.CALL, since, END);
  }

  @Override
  boolean keeps(Event e) {
    return e.channel() == Channel.CALL && e.direction() == Direction.INCOMING;
  }

  @Override
  int[] merge(int[] kept, HistoryEntry entry) {
    int[] counts = kept == null ? new int[2] : kept;
    counts[0]++;
    if (letThrough(entry)) {
      counts[1]++;
    }
    return counts;
  }

  private Earlier earlier(PhoneNumber number, Instant at) {
    NavigableMap<Long, int[]> calls = window(number, at);
    if (calls == null) {
      return of(store().callsFrom(number, since(at), at));
    }
    if (calls.isEmpty()) {
      return Earlier.NONE;
    }
    for (int[] counts : calls.values()) {
      if (counts[1] > 0) {
        return Earlier.LET_THROUGH;
      }
    }
    return Earlier.CALLED;
  }
}
