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
 * History held in memory, indexed by number: used by replay (which must not touch the stored
 * history), by tests and by benchmarks. Not thread-safe.
 */
public final class InMemoryHistory implements RecentActivity {
  private final Map<PhoneNumber, List<HistoryEntry>> callsIn = new HashMap<>();
  private final Map<PhoneNumber, List<Instant>> dialled = new HashMap<>();
  private long nextId = 1;

  /** Records an event (and its verdict, if it was screened). */
  public void record(Event event, Verdict verdict) {
    if (event.number() == null || event.channel() != Channel.CALL) {
      return;
    }
    if (event.direction() == Direction.OUTGOING) {
      dialled.computeIfAbsent(event.number(), n -> new ArrayList<>()).add(event.at());
    } else if (event instanceof CallEvent) {
      callsIn.computeIfAbsent(event.number(), n -> new ArrayList<>())
          .add(new HistoryEntry(nextId++, event, verdict, "memory"));
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
}
