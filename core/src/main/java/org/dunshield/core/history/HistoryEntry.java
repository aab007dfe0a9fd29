package org.dunshield.core.history;

import java.util.Objects;
import org.dunshield.core.event.Event;
import org.dunshield.core.screen.Verdict;

/**
 * One stored event. {@code verdict} is what Dunshield decided when it screened the event live, or
 * {@code null} for events imported from a phone's own log. {@code source} names where it came from
 * ({@code screen}, {@code api}, or the imported file's name).
 */
public record HistoryEntry(long id, Event event, Verdict verdict, String source) {
  public HistoryEntry {
    Objects.requireNonNull(event, "event");
    source = source == null ? "" : source;
  }
}
