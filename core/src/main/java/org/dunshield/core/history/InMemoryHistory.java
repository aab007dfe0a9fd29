package org.dunshield.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * History held in memory, indexed by number and by time: used by replay (which must not touch the
 * stored history), by tests and by benchmarks. Not thread-safe.
 */
public final class InMemoryHistory implements RecentActivity {
  private final Map<PhoneNumber, List<HistoryEntry>> callsIn = new HashMap<>();
  private final Map<PhoneNumber, List<Instant>> dialled = new HashMap<>();
  private final List<HistoryEntry> incomingCalls = new ArrayList<>();
  private final List<HistoryEntry> incomingSms = new ArrayList<>();
  private long nextId = 1;

  /** Records an event (and its verdict, if it was screened). */
  public void record(Event event, Verdict verdict) {
    if (event.direction() == Direction.INCOMING) {
      HistoryEntry entry = new HistoryEntry(nextId++, event, verdict, "memory");
      insertByTime(event.channel() == Channel.CALL ? incomingCalls : incomingSms, entry);
      if (event instanceof CallEvent && event.number() != null) {
        callsIn.computeIfAbsent(event.number(), n -> new ArrayList<>()).add(entry);
      }
    } else if (event.channel() == Channel.CALL && event.number() != null) {
      dialled.computeIfAbsent(event.number(), n -> new ArrayList<>()).add(event.at());
    }
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    List<HistoryEntry> all = callsIn.get(number);
    if (all == null) {
      return List.of();
    }
    List<HistoryEntry> out = new ArrayList<>();
    for (HistoryEntry e : all) {
      Instant at = e.event().at();
      if (!at.isBefore(since) && at.isBefore(until)) {
        out.add(e);
      }
    }
    out.sort(java.util.Comparator.comparing((HistoryEntry e) -> e.event().at()));
    return out;
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    List<Instant> times = dialled.get(number);
    if (times == null) {
      return false;
    }
    for (Instant at : times) {
      if (!at.isBefore(since) && at.isBefore(until)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    List<HistoryEntry> all = channel == Channel.CALL ? incomingCalls : incomingSms;
    int from = firstAtOrAfter(all, since);
    int to = firstAtOrAfter(all, until);
    return from >= to ? List.of() : List.copyOf(all.subList(from, to));
  }

  /** Inserts after every entry at or before its time: replay records in time order, so usually at the end. */
  private static void insertByTime(List<HistoryEntry> list, HistoryEntry entry) {
    Instant at = entry.event().at();
    int i = list.size();
    while (i > 0 && list.get(i - 1).event().at().isAfter(at)) {
      i--;
    }
    list.add(i, entry);
  }

  /** The index of the first entry at or after {@code at} (binary search). */
  private static int firstAtOrAfter(List<HistoryEntry> list, Instant at) {
    int lo = 0;
    int hi = list.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (list.get(mid).event().at().isBefore(at)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
