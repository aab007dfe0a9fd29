package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunshield.core.number.NumberParser;
import org.junit.jupiter.api.Test;

class CalleesTest {
  private final Map<String, Long> ownNumbers = new HashMap<>(Map.of("+8613800138000", 7L));
  private final AtomicInteger reads = new AtomicInteger();
  private final MutableClock clock = new MutableClock();

  private Callees callees(Map<String, Long> explicit) {
    return new Callees(explicit, () -> {
      reads.incrementAndGet();
      return Map.copyOf(ownNumbers);
    }, () -> NumberParser.forRegion("CN"), clock, Duration.ofSeconds(5));
  }

  @Test
  void aCalleeIsTheAccountWhoseOwnNumberItIsInAnyWritingOfTheNumber() {
    Callees callees = callees(Map.of());
    assertThat(callees.owner("13800138000")).isEqualTo(OptionalLong.of(7));
    assertThat(callees.owner("+8613800138000")).isEqualTo(OptionalLong.of(7));
    assertThat(callees.owner("008613800138000")).isEqualTo(OptionalLong.of(7));
    assertThat(callees.owner("13900139000")).isEmpty();
    assertThat(callees.owner("alice")).isEmpty();
    assertThat(callees.owner(null)).isEmpty();
  }

  @Test
  void anExplicitMappingWinsAndMapsExtensionsToo() {
    Callees callees = callees(Map.of("100", 3L, "13800138000", 4L));
    assertThat(callees.owner("100")).isEqualTo(OptionalLong.of(3));
    assertThat(callees.owner("+8613800138000")).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void ownNumbersAreReadOncePerRefreshIntervalAndChangesShowAfterIt() {
    Callees callees = callees(Map.of());
    callees.owner("13800138000");
    callees.owner("13900139000");
    ownNumbers.put("+8613900139000", 9L);
    assertThat(callees.owner("13900139000")).isEmpty();
    assertThat(reads).hasValue(1);

    clock.advance(Duration.ofSeconds(5));

    // the stale map answers while it reloads in the background; the new one answers once loaded
    callees.owner("13900139000");
    OptionalLong found = OptionalLong.empty();
    for (int i = 0; i < 500 && found.isEmpty(); i++) { // the reload runs on its own thread
      Thread.onSpinWait();
      Thread.yield();
      found = callees.owner("13900139000");
      if (found.isEmpty()) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    assertThat(found).isEqualTo(OptionalLong.of(9));
    assertThat(reads).hasValue(2);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-30T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
