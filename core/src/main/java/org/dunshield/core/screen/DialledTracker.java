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
 * The numbers the user called lately and when (the state behind {@link DialledCheck}), so that live
 * screening answers "did the user call this number in the last N days?" from memory instead of
 * asking the store on every call ({@link NumberWindow}: rebuilt from the calls the user made from N
 * days before the screened call on, then kept current by {@link LiveHistory}).
 */
final class DialledTracker extends NumberWindow<Boolean> {
  private DialledTracker(int days) {
    super(Duration.ofDays(days).toMillis());
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
  List<HistoryEntry> read(RecentActivity history, Instant since) {
    return history.dialledCalls(since, END);
  }

  @Override
  boolean keeps(Event e) {
    return e.channel() == Channel.CALL && e.direction() == Direction.OUTGOING;
  }

  @Override
  Boolean merge(Boolean kept, HistoryEntry entry) {
    return Boolean.TRUE;
  }

  private boolean dialled(PhoneNumber number, Instant at) {
    NavigableMap<Long, Boolean> calls = window(number, at);
    return calls == null ? store().dialled(number, since(at), at) : !calls.isEmpty();
  }
}
