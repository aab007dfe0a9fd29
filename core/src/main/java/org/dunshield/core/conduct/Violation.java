package org.dunshield.core.conduct;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Reason;

/**
 * Events that break one rule: {@code rule} is {@code <rule set>/<rule>} ({@code cn-nifa-2024/quiet-hours}),
 * {@code rule} text says what the rule demands and {@code detail} what happened; {@code day} is the
 * local day the violation belongs to (null when it spans days); {@code collector} names the
 * collector (a campaign id or a number). Immutable.
 */
public record Violation(String rule, String ruleSet, String kind, Reason text, Reason detail, LocalDate day,
    String collector, List<Event> events, List<PhoneNumber> numbers) {
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(ruleSet, "ruleSet");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(detail, "detail");
    events = List.copyOf(events);
    numbers = List.copyOf(numbers);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a violation names at least one event");
    }
  }
}
