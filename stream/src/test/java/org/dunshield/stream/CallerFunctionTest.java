package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.stream.Calls.T0;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NumberFlag;
import org.dunshield.core.carrier.Recommendation;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerFunctionTest {
  private static final long WANGIRI = 2250700000001L;
  private KeyedOneInputStreamOperatorTestHarness<Long, EnrichedCall, NumberFlag> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CallerFunction(CarrierSettings.defaults(), KnownNumbers.none())),
        e -> e.call().caller(), Types.LONG);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void oneRings(long caller, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      EnrichedCall e = new EnrichedCall(Calls.oneRing(caller, 8613000000000L + i, T0 + i * 20_000L), false, new long[0]);
      harness.processElement(e, e.call().start());
    }
  }

  @Test
  void aNumberRingingTwentyStrangersOnceIsFlaggedAsOneRingToFreezeExactlyOnce() throws Exception {
    oneRings(WANGIRI, 60);
    assertThat(harness.extractOutputValues()).singleElement().satisfies(f -> {
      assertThat(f.number()).isEqualTo(WANGIRI);
      assertThat(f.category()).isEqualTo(Category.ONE_RING);
      assertThat(f.at()).isEqualTo(T0 + 19 * 20_000L);
      assertThat(f.evidence().oneRing()).isEqualTo(20);
      assertThat(f.score()).isEqualTo(0.8);
      assertThat(f.recommendation()).isEqualTo(Recommendation.FREEZE);
    });
  }

  @Test
  void nineteenOneRingCallsAreNotEnough() throws Exception {
    oneRings(WANGIRI, 19);
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void theFlaggedNumbersStateAndTimersAreClearedWhenItFallsIdle() throws Exception {
    oneRings(WANGIRI, 25);
    oneRings(WANGIRI + 1, 3);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    harness.processWatermark(T0 + CarrierSettings.defaults().idle().toMillis() + Cleanup.GRANULE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
