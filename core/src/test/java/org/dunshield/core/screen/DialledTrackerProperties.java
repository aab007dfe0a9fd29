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
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.TrackerSteps.Step;

/**
 * Whatever the user dials and whoever calls, in whatever rhythm (steps back in time included), the
 * tracker answers "did the user call this number lately?" exactly as the store does.
 */
class DialledTrackerProperties {

  /** Steps: the user dials, someone calls, or a question (kind 2); then time moves. */
  @Provide
  Arbitrary<List<Step>> steps() {
    return TrackerSteps.steps(3, Duration.ofMinutes(1), Duration.ofDays(3), 1, 2, 7);
  }

  @Property(tries = 300)
  void answersAsTheStoreDoes(@ForAll("steps") List<Step> steps, @ForAll("days") int usualDays) {
    MemoryHistoryRepository store = new MemoryHistoryRepository();
    LiveHistory live = new LiveHistory(store);
    Instant at = TrackerSteps.T0;
    for (Step step : steps) {
      PhoneNumber number = TrackerSteps.NUMBERS.get(step.number());
      switch (step.what()) {
        case 0 -> live.append(DialledTrackerTest.dial(number, at), null, "test");
        case 1 -> live.append(CallEvent.incoming(at, number, Presentation.ALLOWED), null, "test");
        default -> {
          int days = TrackerSteps.window(step, usualDays);
          Instant since = at.minus(Duration.ofDays(days));
          assertThat(DialledTracker.dialled(live, days, number, at))
              .as("%s at %s, %d days", number, at, days)
              .isEqualTo(store.dialled(number, since, at));
        }
      }
      at = at.plusMillis(step.millis());
    }
  }

  @Provide
  Arbitrary<Integer> days() {
    return Arbitraries.of(1, 7);
  }
}
