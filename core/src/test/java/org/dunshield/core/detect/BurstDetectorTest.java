package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dunshield.core.detect.BurstDetector.Signal;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {
  private static final long MINUTE = 60_000;
  private final BurstDetector detector = new BurstDetector(Burst.callBombingDefaults(), 16);

  @Test
  void tripsOnTheFifthCallFromFourNumbersWithinTwoMinutesAndGathersTheBurst() {
    assertThat(detector.observe(7, 1001, 0)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1002, 20_000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1003, 40_000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1003, 60_000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1004, 120_000)).isEqualTo(Signal.TRIPPED);

    assertThat(detector.attackStart(7)).isZero();
    assertThat(detector.attackEvents(7)).isEqualTo(5);
    assertThat(detector.observe(7, 1005, 130_000)).isEqualTo(Signal.ONGOING);
    assertThat(detector.attackEvents(7)).isEqualTo(6);
  }

  @Test
  void hiddenCallersCountAsCallsButNotAsNumbers() {
    for (int i = 0; i < 4; i++) {
      assertThat(detector.observe(7, 0, i * 1000L)).isEqualTo(Signal.QUIET);
    }
    assertThat(detector.observe(7, 1001, 5000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1002, 6000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1003, 7000)).isEqualTo(Signal.QUIET);
    assertThat(detector.observe(7, 1004, 8000)).isEqualTo(Signal.TRIPPED);
  }

  @Test
  void calleesAreJudgedApart() {
    for (int i = 0; i < 4; i++) {
      detector.observe(1, 1000 + i, i * 1000L);
      detector.observe(2, 2000 + i, i * 1000L);
    }
    assertThat(detector.observe(1, 1009, 5000)).isEqualTo(Signal.TRIPPED);
    assertThat(detector.attackStart(2)).isEqualTo(Long.MIN_VALUE);
    assertThat(detector.observe(3, 1009, 5000)).isEqualTo(Signal.QUIET);
  }

  @Test
  void theAttackLastsWhileCallsComeAndEndsAfterTheCooldown() {
    for (int i = 0; i < 5; i++) {
      detector.observe(7, 1000 + i, i * 1000L);
    }
    assertThat(detector.observe(7, 1100, 4000 + 10 * MINUTE)).isEqualTo(Signal.ONGOING);
    assertThat(detector.observe(7, 1101, 4000 + 20 * MINUTE + 1)).isEqualTo(Signal.QUIET);
    assertThat(detector.attackEvents(7)).isZero();
  }

  @Test
  void anOlderEventCountsAtTheCalleesNewestTime() {
    detector.observe(7, 1001, 100_000);
    for (int i = 0; i < 3; i++) {
      detector.observe(7, 1002 + i, 0);
    }
    assertThat(detector.observe(7, 1009, 100_500)).isEqualTo(Signal.TRIPPED);
    assertThat(detector.attackStart(7)).isEqualTo(100_000);
  }

  @Test
  void idleCalleesAreForgottenSoMemoryStaysBounded() {
    BurstDetector d = new BurstDetector(new Burst(true, 5, 4, Duration.ofMinutes(2), Duration.ofMinutes(10)), 4);
    for (int round = 0; round < 50; round++) {
      long t = round * 30 * MINUTE;
      for (int callee = 0; callee < 1000; callee++) {
        d.observe(round * 1000L + callee, 42, t + callee);
      }
    }
    long footprint = d.footprintBytes();
    assertThat(d.tracked()).isLessThanOrEqualTo(2000);
    for (int round = 50; round < 100; round++) {
      long t = round * 30 * MINUTE;
      for (int callee = 0; callee < 1000; callee++) {
        d.observe(round * 1000L + callee, 42, t + callee);
      }
    }
    assertThat(d.tracked()).isLessThanOrEqualTo(2000);
    assertThat(d.footprintBytes()).isEqualTo(footprint);
  }
}
