package org.dunshield.core.detect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/**
 * One attack found in a history: its kind ({@code call_bombing} or {@code sms_bombing}), when it
 * began and ended (its first and last event), every event of it in time order — the burst that
 * tripped it included — and the distinct numbers involved in order of first appearance (hidden
 * callers are counted in {@code events} but have no number). Immutable.
 */
public record Incident(Category kind, Instant start, Instant end, List<Event> events, List<PhoneNumber> numbers) {
  public Incident {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    events = List.copyOf(events);
    numbers = List.copyOf(numbers);
    if (events.isEmpty() || end.isBefore(start)) {
      throw new IllegalArgumentException("an incident has events and ends after it starts");
    }
  }
}
