package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * Whatever the user dials and whoever calls, in whatever rhythm (steps back in time included), the
 * tracker answers "did the user call this number lately?" exactly as the store does.
 */
class DialledTrackerProperties {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant T0 = Instant.parse("2026-10-12T12:00:00Z");
  private static final List<PhoneNumber> NUMBERS = List.of(CN.parse("13800138000"), CN.parse("17012345678"),
      CN.parse("17112345678"), CN.parse("02164000000"));

  /** What happens next: the user dials, someone calls, or a call is screened; then time moves. */
  record Step(int what, int number, long millis, int days) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Long> move = Arbitraries.oneOf(
        Arbitraries.longs().between(-1_500, 0),
        Arbitraries.longs().between(0, 60_000),
        Arbitraries.longs().between(0, Duration.ofDays(3).toMillis()));
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, NUMBERS.size() - 1),
        move, Arbitraries.of(1, 2, 7)).as(Step::new).list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void answersAsTheStoreDoes(@ForAll("steps") List<Step> steps, @ForAll("days") int usualDays) {
    MemoryHistoryRepository store = new MemoryHistoryRepository();
    LiveHistory live = new LiveHistory(store);
    Instant at = T0;
    for (Step step : steps) {
      PhoneNumber number = NUMBERS.get(step.number());
      switch (step.what()) {
        case 0 -> live.append(DialledTrackerTest.dial(number, at), null, "test");
        case 1 -> live.append(CallEvent.incoming(at, number, Presentation.ALLOWED), null, "test");
        default -> {
          int days = step.millis() % 5 == 0 ? step.days() : usualDays;
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
