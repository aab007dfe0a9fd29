package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.junit.jupiter.api.Test;

class DialledTrackerTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant T0 = Instant.parse("2026-10-12T12:00:00Z");
  private static final PhoneNumber STRANGER = CN.parse("17012345678");
  private static final PhoneNumber MOTHER = CN.parse("13800138000");

  private final MemoryHistoryRepository store = new MemoryHistoryRepository();
  private final LiveHistory live = new LiveHistory(store);

  static CallEvent dial(PhoneNumber number, Instant at) {
    return new CallEvent(at, number, number.e164(), Presentation.ALLOWED, CallType.OUTGOING, Duration.ofSeconds(30), null);
  }

  private boolean dialled(PhoneNumber number, Instant at, int days) {
    return DialledTracker.dialled(live, days, number, at.minus(Duration.ofDays(days)), at);
  }

  @Test
  void aStrangerIsLookedUpTwiceAndThenAnsweredFromMemory() {
    for (int i = 0; i < 100; i++) {
      Instant at = T0.plusSeconds(i);
      assertThat(dialled(STRANGER, at, 7)).isFalse();
      live.append(CallEvent.incoming(at, STRANGER, Presentation.ALLOWED), null, "test");
    }
    assertThat(store.dialledReads()).as("a tracker's first answer is not remembered").isEqualTo(2);
  }

  @Test
  void aCallStoredWithALaterTimeThanTheScreenedCallIsNotMissed() {
    store.append(dial(MOTHER, T0.plusMillis(500)), null, "a phone whose clock runs ahead");
    LiveHistory fresh = new LiveHistory(store);
    for (int i = 0; i < 3; i++) {
      assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.minus(Duration.ofDays(7)).plusMillis(i), T0.plusMillis(i)))
          .isFalse();
    }
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.minus(Duration.ofDays(7)).plusSeconds(1), T0.plusSeconds(1)))
        .isTrue();
  }

  @Test
  void aCallTheUserMakesCountsAtOnceWithoutAskingTheStore() {
    assertThat(dialled(MOTHER, T0, 7)).isFalse();
    live.append(dial(MOTHER, T0.plusSeconds(10)), null, "test");

    assertThat(dialled(MOTHER, T0.plusSeconds(20), 7)).isTrue();
    assertThat(dialled(MOTHER, T0.plus(Duration.ofDays(6)), 7)).isTrue();
    assertThat(store.dialledReads()).isEqualTo(1);
    assertThat(dialled(MOTHER, T0.plus(Duration.ofDays(7)).plusSeconds(11), 7))
        .as("the call left the window").isFalse();
  }

  @Test
  void aCallFoundInTheStoreIsAskedAgainUntilItLeavesTheWindow() {
    store.append(dial(MOTHER, T0.minus(Duration.ofDays(2))), null, "import before start");
    LiveHistory fresh = new LiveHistory(store);
    for (int i = 0; i < 3; i++) {
      assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.minus(Duration.ofDays(7)).plusSeconds(i), T0.plusSeconds(i)))
          .isTrue();
    }
    assertThat(store.dialledReads()).isEqualTo(3);
    Instant later = T0.plus(Duration.ofDays(6));
    for (int i = 0; i < 3; i++) {
      assertThat(DialledTracker.dialled(fresh, 7, MOTHER, later.minus(Duration.ofDays(7)).plusSeconds(i), later.plusSeconds(i)))
          .isFalse();
    }
    assertThat(store.dialledReads()).as("then remembered: the tracker's first no is not").isEqualTo(5);
  }

  @Test
  void aLongerWindowAsksTheStoreAgain() {
    store.append(dial(MOTHER, T0.minus(Duration.ofDays(10))), null, "import before start");
    LiveHistory fresh = new LiveHistory(store);
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.minus(Duration.ofDays(7)), T0)).isFalse();
    assertThat(DialledTracker.dialled(fresh, 30, MOTHER, T0.minus(Duration.ofDays(30)), T0)).isTrue();
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.minus(Duration.ofDays(7)), T0.plusSeconds(1))).isFalse();
  }

  @Test
  void anotherProcessesCallIsSeenAfterARefresh() {
    assertThat(dialled(MOTHER, T0, 7)).isFalse();
    store.append(dial(MOTHER, T0.plusSeconds(1)), null, "another process");
    live.refresh();
    assertThat(dialled(MOTHER, T0.plusSeconds(2), 7)).isTrue();
  }

  @Test
  void forgetsEverythingBeyondItsLimitAndStillAnswersRight() {
    live.append(dial(MOTHER, T0), null, "test");
    assertThat(dialled(MOTHER, T0.plusSeconds(1), 7)).isTrue();
    PhoneNumber first = stranger(1);
    for (int i = 0; i <= DialledTracker.MAX_NUMBERS; i++) {
      assertThat(dialled(stranger(i), T0.plusSeconds(2), 7)).isFalse();
    }
    int reads = store.dialledReads();
    assertThat(dialled(MOTHER, T0.plusSeconds(3), 7)).as("read again from the store's recent calls").isTrue();
    assertThat(dialled(first, T0.plusSeconds(3), 7)).isFalse();
    assertThat(store.dialledReads()).as("only the forgotten stranger is asked again").isEqualTo(reads + 1);
    assertThat(dialled(first, T0.plusSeconds(4), 7)).isFalse();
    assertThat(store.dialledReads()).isEqualTo(reads + 1);
  }

  private static PhoneNumber stranger(int i) {
    return PhoneNumber.of("+8617" + String.format("%09d", i), NumberKind.VIRTUAL_MOBILE);
  }
}
