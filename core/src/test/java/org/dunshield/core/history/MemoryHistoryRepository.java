package org.dunshield.core.history;

import java.time.Instant;
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
public final class MemoryHistoryRepository extends ForwardingHistory {
  private int incomingReads;
  private int dialledReads;
  private int dialledCallsReads;
  private Runnable afterAppend = () -> {};

  public MemoryHistoryRepository() {
    super(new InMemoryHistory());
  }

  /** Runs {@code hook} after each new row is stored, before append returns. */
  public void afterAppend(Runnable hook) {
    this.afterAppend = hook;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    long before = store().lastId();
    long id = store().append(event, verdict, source);
    if (store().lastId() > before) {
      afterAppend.run();
    }
    return id;
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    incomingReads++;
    return store().incoming(channel, since, until);
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    dialledReads++;
    return store().dialled(number, since, until);
  }

  /** How many times {@link #dialled} was asked. */
  public int dialledReads() {
    return dialledReads;
  }

  @Override
  public List<HistoryEntry> dialledCalls(Instant since, Instant until) {
    dialledCallsReads++;
    return store().dialledCalls(since, until);
  }

  /** How many times {@link #dialledCalls} was asked: each rebuild of the dialled numbers asks once. */
  public int dialledCallsReads() {
    return dialledCallsReads;
  }

  /** How many times {@link #incoming} was asked: each tracker rebuild asks once. */
  public int incomingReads() {
    return incomingReads;
  }
}
