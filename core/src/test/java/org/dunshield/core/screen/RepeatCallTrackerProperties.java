package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.TrackerSteps.Step;

/**
 * Whoever calls, in whatever rhythm (steps back in time included), with whatever verdicts, the
 * tracker answers "did this number call in the last minutes, and was one of those calls let through
 * as a repeat call?" exactly as the store does.
 */
class RepeatCallTrackerProperties {

  /**
   * Steps: a call let through as a repeat call, a call with another verdict, a call the user made, an
   * SMS, or a question (kinds 4 and 5); then time moves.
   */
  @Provide
  Arbitrary<List<Step>> steps() {
    return TrackerSteps.steps(6, Duration.ofSeconds(20), Duration.ofMinutes(20), 1, 3, 10);
  }

  @Provide
  Arbitrary<Integer> minutes() {
    return Arbitraries.of(3, 10);
  }

  private static Verdict verdict(String check, PhoneNumber number) {
    return new Verdict(Action.ALLOW, check, null, null, new Reason(check, check), number);
  }

  @Property(tries = 300)
  void answersAsTheStoreDoes(@ForAll("steps") List<Step> steps, @ForAll("minutes") int usualMinutes) {
    MemoryHistoryRepository store = new MemoryHistoryRepository();
    LiveHistory live = new LiveHistory(store);
    Instant at = TrackerSteps.T0;
    for (Step step : steps) {
      PhoneNumber number = TrackerSteps.NUMBERS.get(step.number());
      CallEvent call = CallEvent.incoming(at, number, Presentation.ALLOWED);
      switch (step.what()) {
        case 0 -> live.append(call, verdict(RepeatCallerCheck.ID, number), "test");
        case 1 -> live.append(call, verdict("default", number), "test");
        case 2 -> live.append(DialledTrackerTest.dial(number, at), null, "test");
        case 3 -> live.append(new SmsEvent(at, number, number.e164(), org.dunshield.core.event.Direction.INCOMING, "x"),
            null, "test");
        default -> {
          int minutes = TrackerSteps.window(step, usualMinutes);
          Instant since = at.minus(Duration.ofMinutes(minutes));
          assertThat(RepeatCallTracker.earlier(live, minutes, number, at))
              .as("%s at %s, %d minutes", number, at, minutes)
              .isEqualTo(RepeatCallTracker.of(store.callsFrom(number, since, at)));
        }
      }
      at = at.plusMillis(step.millis());
    }
  }
}
