package org.dunshield.core.history;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * A history that hands every call to another one: the base of histories that change how some
 * calls are served (appends gathered into shared transactions, appends logged for the detectors)
 * and pass the rest through. Thread-safe when the other one is.
 */
public abstract class ForwardingHistory implements HistoryRepository {
  private final HistoryRepository store;

  protected ForwardingHistory(HistoryRepository store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The history calls are handed to. */
  protected final HistoryRepository store() {
    return store;
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    return store.append(event, verdict, source);
  }

  @Override
  public CompletionStage<Long> appendAsync(Event event, Verdict verdict, String source) {
    return store.appendAsync(event, verdict, source);
  }

  @Override
  public ImportCount importAll(Iterator<? extends Event> events, String source) {
    return store.importAll(events, source);
  }

  @Override
  public List<HistoryEntry> list(Instant from, Instant to) {
    return store.list(from, to);
  }

  @Override
  public long lastId() {
    return store.lastId();
  }

  @Override
  public Newer newerThan(long id) {
    return store.newerThan(id);
  }

  @Override
  public List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until) {
    return store.callsFrom(number, since, until);
  }

  @Override
  public boolean dialled(PhoneNumber number, Instant since, Instant until) {
    return store.dialled(number, since, until);
  }

  @Override
  public List<HistoryEntry> dialledCalls(Instant since, Instant until) {
    return store.dialledCalls(since, until);
  }

  @Override
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    return store.incoming(channel, since, until);
  }
}
