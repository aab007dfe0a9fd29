package org.dunshield.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
 * stored history), by tests and by benchmarks. As a {@link HistoryRepository} it appends like the
 * store does (ids in append order, an event whose dedup key is already held is not added again).
 * Not thread-safe.
 */
public final class InMemoryHistory implements HistoryRepository {
  private final Map<PhoneNumber, List<HistoryEntry>> callsIn = new HashMap<>();
  private final Map<PhoneNumber, List<Instant>> dialled = new HashMap<>();
  private final List<HistoryEntry> incomingCalls = new ArrayList<>();
  private final List<HistoryEntry> incomingSms = new ArrayList<>();
  private final List<HistoryEntry> outgoingCalls = new ArrayList<>();
  private final List<HistoryEntry> all = new ArrayList<>();
  private final Map<String, Long> byKey = new HashMap<>();

  /** Records an event (and its verdict, if it was screened), even one already held. */
  public void record(Event event, Verdict verdict) {
    record(event, verdict, "memory");
  }

  private long record(Event event, Verdict verdict, String source) {
    long id = all.size() + 1;
    all.add(new HistoryEntry(id, event, verdict, source));
    if (event.direction() == Direction.INCOMING) {
      HistoryEntry entry = all.get(all.size() - 1);
      insertByTime(event.channel() == Channel.CALL ? incomingCalls : incomingSms, entry);
      if (event instanceof CallEvent && event.number() != null) {
        callsIn.computeIfAbsent(event.number(), n -> new ArrayList<>()).add(entry);
      }
    } else if (event.channel() == Channel.CALL && event.number() != null) {
      dialled.computeIfAbsent(event.number(), n -> new ArrayList<>()).add(event.at());
      insertByTime(outgoingCalls, all.get(all.size() - 1));
    }
    return id;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    Long held = byKey.get(event.dedupKey());
    if (held != null) {
      return held;
    }
    long id = record(event, verdict, source);
    byKey.put(event.dedupKey(), id);
    return id;
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    List<Event> read = new ArrayList<>();
    events.forEachRemaining(read::add); // all or nothing: a failing iterator adds no event
    long before = all.size();
    for (Event e : read) {
      append(e, null, source);
    }
    long added = all.size() - before;
    return new ImportCount(added, read.size() - added);
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    List<HistoryEntry> out = new ArrayList<>();
    for (HistoryEntry e : all) {
      Instant at = e.event().at();
      if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
        out.add(e);
      }
    }
    out.sort(java.util.Comparator.comparing((HistoryEntry e) -> e.event().at()));
    return out;
  }

  @Override
  public long lastId() {
    return all.size();
  }

  @Override
  public Newer newerThan(long id) {
    return id >= all.size() ? new Newer(0, id) : new Newer(all.size() - Math.max(0, id), all.size());
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
    return between(channel == Channel.CALL ? incomingCalls : incomingSms, since, until);
  }

  @Override
  public List<HistoryEntry> dialledCalls(Instant since, Instant until) {
    return between(outgoingCalls, since, until);
  }

  private static List<HistoryEntry> between(List<HistoryEntry> byTime, Instant since, Instant until) {
    int from = firstAtOrAfter(byTime, since);
    int to = firstAtOrAfter(byTime, until);
    return from >= to ? List.of() : List.copyOf(byTime.subList(from, to));
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
