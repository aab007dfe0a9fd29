package org.dunshield.core.history;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * {@link InMemoryHistory} as a repository for the live-history tests: counts the reads that rebuild
 * a tracker, and can run a hook between storing a row and returning its id (another thread's view
 * of the store at that moment). Not thread-safe.
 */
public final class MemoryHistoryRepository implements HistoryRepository {
  private final InMemoryHistory history = new InMemoryHistory();
  private int incomingReads;
  private Runnable afterAppend = () -> {};

  /** Runs {@code hook} after each new row is stored, before append returns. */
  public void afterAppend(Runnable hook) {
    this.afterAppend = hook;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    long before = history.lastId();
    long id = history.append(event, verdict, source);
    if (history.lastId() > before) {
      afterAppend.run();
    }
    return id;
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    return history.importAll(events, source);
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return history.list(from, to);
  }

  @Override
  public long lastId() {
    return history.lastId();
  }

  @Override
  public Newer newerThan(long id) {
    return history.newerThan(id);
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
