package org.dunshield.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * A history repository in memory for core tests (the store's own implementations run the store
 * contract): ids in append order, events deduplicated by their key like the store does, queries
 * answered by {@link InMemoryHistory}. Counts its reads, so tests can tell whether a tracker was
 * rebuilt from it. Not thread-safe.
 */
public final class MemoryHistoryRepository implements HistoryRepository {
  private final InMemoryHistory history = new InMemoryHistory();
  private final List<HistoryEntry> entries = new ArrayList<>();
  private final Map<String, Long> ids = new HashMap<>();
  private int incomingReads;
  private Runnable afterAppend = () -> {};

  /** Runs {@code hook} after each new row is stored, before append returns (another thread's view of it). */
  public void afterAppend(Runnable hook) {
    this.afterAppend = hook;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    Long existing = ids.get(event.dedupKey());
    if (existing != null) {
      return existing;
    }
    long id = entries.size() + 1;
    ids.put(event.dedupKey(), id);
    entries.add(new HistoryEntry(id, event, verdict, source));
    history.record(event, verdict);
    afterAppend.run();
    return id;
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    long added = 0;
    long seen = 0;
    while (events.hasNext()) {
      seen++;
      int before = entries.size();
      append(events.next(), null, source);
      added += entries.size() - before;
    }
    return new ImportCount(added, seen - added);
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return entries.stream()
        .filter(e -> (from == null || !e.event().at().isBefore(from)) && (to == null || e.event().at().isBefore(to)))
        .sorted(java.util.Comparator.comparing((HistoryEntry e) -> e.event().at()))
        .toList();
  }

  @Override
  public long lastId() {
    return entries.size();
  }

  @Override
  public Newer newerThan(long id) {
    return id >= entries.size() ? new Newer(0, id) : new Newer(entries.size() - id, entries.size());
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    return history.callsFrom(number, since, until);
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    return history.dialled(number, since, until);
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    incomingReads++;
    return history.incoming(channel, since, until);
  }

  /** How many times {@link #incoming} was asked: each tracker rebuild asks once. */
  public int incomingReads() {
    return incomingReads;
  }
}
