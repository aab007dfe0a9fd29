package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalleeLogicTest {
  private static final long T0 = 1_772_400_000_000L;
  private static final long VICTIM = 8613000000001L;
  private final CalleeLogic logic = new CalleeLogic(CarrierSettings.defaults());
  private final CalleeState state = new CalleeState();
  private final List<AttackAlert> alerts = new ArrayList<>();

  private EnrichedCall call(long caller, long at, boolean answered, int talk) {
    Cdr c = answered ? new Cdr(caller, VICTIM, at, 3, talk, true, Disposition.ANSWERED, "")
        : new Cdr(caller, VICTIM, at, 9, 0, false, Disposition.REJECTED, "");
    return logic.onCall(state, c, alerts::add);
  }

  @Test
  void fiveStrangersInTwoMinutesAreNotABombingButSixInAMinuteAre() {
    for (int i = 0; i < 5; i++) {
      call(8618800000000L + i, T0 + i * 25_000L, false, 0);
    }
    assertThat(alerts).isEmpty();
    for (int i = 0; i < 6; i++) {
      call(8618900000000L + i, T0 + 600_000L + i * 10_000L, false, 0);
    }
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.start()).isEqualTo(T0 + 600_000L);
      assertThat(a.at()).isEqualTo(T0 + 650_000L);
    });
  }

  @Test
  void anOngoingAttackRaisesOneAlertUntilItHasBeenQuietForTheCooldown() {
    for (int i = 0; i < 100; i++) {
      call(8618800000000L + i % 30, T0 + i * 3_000L, false, 0);
    }
    assertThat(alerts).hasSize(1);
    for (int i = 0; i < 6; i++) {
      call(8618900000000L + i, T0 + 300_000L + 11 * 60_000L + i * 1_000L, false, 0);
    }
    assertThat(alerts).hasSize(2);
  }

  @Test
  void conversationsAreNotBombingAndTheirCallersBecomeContacts() {
    for (int i = 0; i < 10; i++) {
      call(8618800000000L + i, T0 + i * 2_000L, true, 120);
    }
    assertThat(alerts).isEmpty();
    EnrichedCall again = call(8618800000003L, T0 + 60_000L, false, 0);
    assertThat(again.known()).isTrue();
    EnrichedCall stranger = call(8618700000000L, T0 + 61_000L, false, 0);
    assertThat(stranger.known()).isFalse();
    assertThat(stranger.calleeContacts()).hasSize(10).startsWith(8618800000009L);
  }

  @Test
  void aServiceLineWithSteadyInboundTrafficIsNeverBombed() {
    for (int i = 0; i < 2_000; i++) {
      call(8613000100000L + i, T0 + i * 20_000L, i % 5 != 0, 90);
    }
    alerts.clear();
    for (int i = 0; i < 10; i++) {
      call(8618800000000L + i, T0 + 40_000_000L + i * 1_000L, false, 0);
    }
    assertThat(alerts).isEmpty();
  }
}
