package org.dunshield.store;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Verdict;

/**
 * One owner's history with group commit: each {@link #append} shares a transaction with the
 * concurrent appends of every account of the database ({@link GroupCommits}), and returns only after
 * its event is committed; a failed transaction fails every append in it, so an answered request is
 * a stored event. Reads and imports go straight to the store. Thread-safe.
 */
public final class GroupCommitHistory implements HistoryRepository {
  private final HistoryRepository store;
  private final HistoryWriter writer;

  public GroupCommitHistory(HistoryRepository store, HistoryWriter writer) {
    this.store = Objects.requireNonNull(store, "store");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    return writer.appendShared(new HistoryWriter.Appended(event, verdict, source));
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
  public List<HistoryEntry> incoming(Channel channel, Instant since, Instant until) {
    return store.incoming(channel, since, until);
  }
}
