package org.dunshield.store;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.ForwardingHistory;
import org.dunshield.core.history.HistoryRepository;
import org.dunshield.core.screen.Verdict;

/**
 * One owner's history with group commit: each {@link #append} shares a transaction with the
 * concurrent appends of every account of the database ({@link GroupCommits}), and returns only after
 * its event is committed ({@link #appendAsync}: its stage completes then); a failed transaction fails every append in it, so an answered request is
 * a stored event. Reads and imports go straight to the store. Thread-safe.
 */
public final class GroupCommitHistory extends ForwardingHistory {
  private final HistoryWriter writer;

  public GroupCommitHistory(HistoryRepository store, HistoryWriter writer) {
    super(store);
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public long append(Event event, Verdict verdict, String source) {
    return writer.appendShared(new HistoryWriter.Appended(event, verdict, source));
  }

  /** Queues the event for the next shared transaction; the stage completes on the store's thread once it is committed. */
  @Override
  public CompletionStage<Long> appendAsync(Event event, Verdict verdict, String source) {
    return writer.appendSharedAsync(new HistoryWriter.Appended(event, verdict, source));
  }
}
