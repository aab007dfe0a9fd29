package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.stream.Calls.T0;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalleeFunctionTest {
  private static final long VICTIM = 8613000000001L;
  private static final long MOTHER = 8613000000002L;
  private KeyedOneInputStreamOperatorTestHarness<Long, Cdr, EnrichedCall> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CalleeFunction(CarrierSettings.defaults())), Cdr::callee, Types.LONG);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void call(Cdr c) throws Exception {
    harness.processElement(c, c.start());
  }

  @Test
  void callsFromSixStrangersWithinAMinuteRaiseOneAlertWithTheBurstWindow() throws Exception {
    for (int i = 0; i < 12; i++) {
      call(Calls.rang(8618800000000L + i, VICTIM, T0 + i * 5_000L));
    }
    assertThat(harness.getSideOutput(CalleeFunction.ALERTS)).singleElement().satisfies(r -> {
      AttackAlert a = r.getValue();
      assertThat(a.target()).isEqualTo(VICTIM);
      assertThat(a.start()).isEqualTo(T0);
      assertThat(a.at()).isEqualTo(T0 + 25_000L);
      assertThat(a.callers()).isEqualTo(6);
    });
    assertThat(harness.extractOutputValues()).hasSize(12).allSatisfy(e -> assertThat(e.known()).isFalse());
  }

  @Test
  void aContactWhoTalkedIsKnownAndItsCallsNeverCountAsBombing() throws Exception {
    call(Calls.talked(MOTHER, VICTIM, T0, 300));
    for (int i = 1; i <= 10; i++) {
      call(Calls.rang(MOTHER, VICTIM, T0 + i * 1_000L));
    }
    assertThat(harness.getSideOutput(CalleeFunction.ALERTS)).isNull();
    assertThat(harness.extractOutputValues()).last().satisfies(e -> assertThat(e.known()).isTrue());
  }

  @Test
  void idleStateAndItsTimersAreClearedOnceTheWatermarkPassesTheIdleTime() throws Exception {
    call(Calls.talked(MOTHER, VICTIM, T0, 300));
    call(Calls.rang(8618800000000L, MOTHER, T0 + 1_000L));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);

    long idle = CarrierSettings.defaults().idle().toMillis();
    harness.processWatermark(T0 + idle - 3_600_000L);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

    harness.processWatermark(T0 + idle + Cleanup.GRANULE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aLaterCallKeepsTheStateAliveWhenAnEarlierTimerFires() throws Exception {
    long idle = CarrierSettings.defaults().idle().toMillis();
    call(Calls.talked(MOTHER, VICTIM, T0, 300));
    call(Calls.talked(MOTHER, VICTIM, T0 + idle / 2, 300));
    harness.processWatermark(T0 + idle + Cleanup.GRANULE);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
  }
}
