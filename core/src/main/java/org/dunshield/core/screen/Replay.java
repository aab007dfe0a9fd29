package org.dunshield.core.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.settings.Settings;

/**
 * Screens a recorded history again, as if live: every event in time order (ties keep file order),
 * incoming ones decided against the given rules, outgoing ones only remembered (for the
 * dialled-number exception). Uses its own in-memory history, so stored history is never touched.
 * Not thread-safe; one replay per instance.
 */
public final class Replay {
  /** One screened incoming event. */
  public record Step(Event event, Verdict verdict) {}

  private final Screener screener;
  private final ScreeningContext context;
  private final InMemoryHistory history;

  public Replay(Screener screener, Settings settings, RuleBook rules, ContactBook contacts) {
    this.screener = screener;
    this.history = new InMemoryHistory();
    this.context = new ScreeningContext(settings, rules, contacts, history);
  }

  /** Replays {@code events}; returns the verdicts of the incoming ones in time order. */
  public List<Step> run(List<? extends Event> events) {
    List<Event> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(Event::at));
    List<Step> steps = new ArrayList<>();
    for (Event event : ordered) {
      Incoming incoming = Incoming.of(event);
      if (incoming == null) {
        history.record(event, null);
        continue;
      }
      Verdict verdict = screener.screen(incoming, context);
      history.record(event, verdict);
      steps.add(new Step(event, verdict));
    }
    return steps;
  }
}
