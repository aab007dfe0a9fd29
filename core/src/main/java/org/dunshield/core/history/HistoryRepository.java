package org.dunshield.core.history;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dunshield.core.event.Event;
import org.dunshield.core.screen.Verdict;

/** The append-only history. Implementations are thread-safe and safe across processes. */
public interface HistoryRepository extends RecentActivity {
  /** Appends one screened event; returns its id. */
  long append(Event event, Verdict verdict, String source);

  /**
   * Appends one screened event without waiting for the store: the stage completes with its id once
   * it is stored, or with the store's exception. Stores that gather concurrent appends into shared
   * transactions complete it on their own thread; this default stores it on the caller's thread
   * (the stage is complete when it returns).
   */
  default CompletionStage<Long> appendAsync(Event event, Verdict verdict, String source) {
    try {
      return CompletableFuture.completedFuture(append(event, verdict, source));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Appends every event the iterator yields in one transaction. Events whose
   * {@link Event#dedupKey()} is already stored are skipped. If the iterator throws, nothing is stored
   * and the exception propagates.
   */
  ImportCount importAll(Iterator<? extends Event> events, String source);

  /**
   * The highest id stored for this owner ({@code 0} when none). Ids only grow, so a live process
   * compares it with what it wrote itself to learn that another process wrote too.
   */
  long lastId();

  /** How many of this owner's rows have an id above {@code id}, and the highest of them. */
  Newer newerThan(long id);

  /** Rows above some id: how many, and the highest id ({@code id} itself when there are none). */
  record Newer(long count, long lastId) {}

  /** Entries with {@code from <= at < to} (either bound may be {@code null}), oldest first. */
  List<HistoryEntry> list(Instant from, Instant to);
}
