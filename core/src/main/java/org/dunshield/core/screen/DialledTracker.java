package org.dunshield.core.screen;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.number.PhoneNumber;

/**
 * Remembers the store's answers to "did the user call this number lately?" (the state behind
 * {@link DialledCheck}), kept current by {@link LiveHistory}: most callers are strangers the user
 * never called, and live screening asked the store that same question on every call from them.
 *
 * <p>Per number it keeps the newest call the user made to it that it knows of and, after the store
 * answered "no", the start of the window that answer covered. Such a "no" stays true for later
 * windows that start no earlier, because every call the user makes afterwards is {@link #add added}
 * here (LiveHistory rebuilds the tracker when it did not see every write), and so are the calls the
 * store already held from {@value #MARGIN_MILLIS} ms before the first remembered window on (read once,
 * when the tracker first remembers: a call stored with a later time than the call being screened
 * must not be missed). A known call answers "yes" while it is in the window. Anything else is asked
 * of the store, as a fresh process would; so is a tracker's first question (a tracker rebuilt for one
 * question reads nothing else). A "yes" from the store is not remembered (it does not say when the
 * call was; such callers are few).
 */
final class DialledTracker implements LiveHistory.Tracker {
  /** Numbers remembered before the answers are forgotten (each stranger adds one). */
  static final int MAX_NUMBERS = 1 << 14;
  /** How far before the first remembered window the store's calls are read. */
  static final long MARGIN_MILLIS = 60_000;
  private static final long NONE = Long.MIN_VALUE;

  private static final class Known {
    /** The newest call to the number known here, epoch ms, or {@link #NONE}. */
    long lastCall = NONE;
    /** No call to the number at or after this is unknown here, or {@code Long.MAX_VALUE}. */
    long coveredFrom = Long.MAX_VALUE;
  }

  private final Map<PhoneNumber, Known> numbers = new HashMap<>();
  private RecentActivity store;
  private long newest = Long.MIN_VALUE;
  private boolean asked;
  /** Every call at or after this is added here ({@code Long.MAX_VALUE}: the store has not been read). */
  private long complete = Long.MAX_VALUE;

  /** Whether the user called {@code number} at or after {@code since} and before {@code until}. */
  static boolean dialled(RecentActivity history, int days, PhoneNumber number, Instant since, Instant until) {
    return LiveHistory.track(history, DialledTracker.class, days, until, DialledTracker::new,
        t -> t.dialled(number, since, until));
  }

  @Override
  public void rebuild(RecentActivity history, Instant at) {
    store = history;
    numbers.clear();
    asked = false;
    complete = Long.MAX_VALUE;
  }

  @Override
  public void add(HistoryEntry entry) {
    Event e = entry.event();
    long at = e.at().toEpochMilli();
    newest = Math.max(newest, at);
    if (e.channel() != Channel.CALL || e.direction() != Direction.OUTGOING || e.number() == null) {
      return;
    }
    Known known = numbers.computeIfAbsent(e.number(), n -> new Known());
    known.lastCall = Math.max(known.lastCall, at);
  }

  @Override
  public long newest() {
    return newest;
  }

  boolean dialled(PhoneNumber number, Instant since, Instant until) {
    long from = since.toEpochMilli();
    long to = until.toEpochMilli();
    Known known = numbers.get(number);
    if (known != null) {
      if (known.lastCall != NONE && known.lastCall >= from && known.lastCall < to) {
        return true;
      }
      if (known.coveredFrom <= from && known.lastCall < from && to >= complete) {
        return false;
      }
    }
    if (store.dialled(number, since, until)) {
      return true;
    }
    if (known == null && numbers.size() >= MAX_NUMBERS) {
      numbers.clear(); // and the calls read or added: read again when next remembering
      complete = Long.MAX_VALUE;
    }
    if (!remembering(to)) {
      return false;
    }
    known = numbers.computeIfAbsent(number, n -> new Known());
    // none in [from, to), and every call from `to` on is added here: a known one before `to` is older than `from`
    known.coveredFrom = Math.min(known.coveredFrom, from);
    known.lastCall = known.lastCall >= to ? known.lastCall : NONE;
    return false;
  }

  /**
   * Whether a "no" for a window ending at {@code to} may be remembered: not for the tracker's first
   * question; then, once, the calls the store holds from a margin before {@code to} are read.
   */
  private boolean remembering(long to) {
    if (!asked) {
      asked = true;
      return false;
    }
    if (complete == Long.MAX_VALUE) {
      if (!(store instanceof HistoryRepository repository)) {
        return false;
      }
      complete = to - MARGIN_MILLIS;
      for (HistoryEntry entry : repository.list(Instant.ofEpochMilli(complete), null)) {
        add(entry);
      }
    }
    return to >= complete;
  }
}
