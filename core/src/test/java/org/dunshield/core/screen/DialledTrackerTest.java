package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
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

  private boolean dialled(PhoneNumber number, Instant at) {
    return DialledTracker.dialled(live, 7, number, at);
  }

  @Test
  void strangersAreAnsweredFromMemoryAfterOneReadOfTheCallsMade() {
    store.append(dial(MOTHER, T0.minus(Duration.ofDays(1))), null, "import");
    for (int i = 0; i < 100; i++) {
      Instant at = T0.plusSeconds(i);
      assertThat(dialled(CN.parse("170123456" + String.format("%02d", i)), at)).isFalse();
      assertThat(dialled(MOTHER, at)).isTrue();
      live.append(CallEvent.incoming(at, STRANGER, Presentation.ALLOWED), null, "test");
    }
    assertThat(store.dialledCallsReads()).isEqualTo(1);
    assertThat(store.dialledReads()).isZero();
  }

  @Test
  void aHistoryThatIsNotLiveIsAskedDirectly() {
    store.append(dial(MOTHER, T0.minus(Duration.ofDays(1))), null, "import");
    assertThat(DialledTracker.dialled(store, 7, MOTHER, T0)).isTrue();
    assertThat(DialledTracker.dialled(store, 7, STRANGER, T0)).isFalse();
    assertThat(store.dialledReads()).isEqualTo(2);
    assertThat(store.dialledCallsReads()).isZero();
  }

  @Test
  void aCallTheUserMakesCountsAtOnceAndLeavesTheWindowAfterTheDays() {
    assertThat(dialled(MOTHER, T0)).isFalse();
    live.append(dial(MOTHER, T0.plusSeconds(10)), null, "test");

    assertThat(dialled(MOTHER, T0.plusSeconds(10))).as("the window ends before the call").isFalse();
    assertThat(dialled(MOTHER, T0.plusSeconds(11))).isTrue();
    assertThat(dialled(MOTHER, T0.plus(Duration.ofDays(7)).plusSeconds(10))).isTrue();
    assertThat(dialled(MOTHER, T0.plus(Duration.ofDays(7)).plusSeconds(11))).as("the call left the window").isFalse();
    assertThat(store.dialledCallsReads()).isEqualTo(1);
    assertThat(store.dialledReads()).isZero();
  }

  @Test
  void aCallStoredWithALaterTimeThanTheScreenedCallIsNotMissed() {
    store.append(dial(MOTHER, T0.plusMillis(500)), null, "a phone whose clock runs ahead");
    LiveHistory fresh = new LiveHistory(store);
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0)).isFalse();
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.plusSeconds(1))).isTrue();
  }

  @Test
  void anotherNumberOfDaysReadsAgain() {
    store.append(dial(MOTHER, T0.minus(Duration.ofDays(10))), null, "import");
    LiveHistory fresh = new LiveHistory(store);
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0)).isFalse();
    assertThat(DialledTracker.dialled(fresh, 30, MOTHER, T0)).isTrue();
    assertThat(DialledTracker.dialled(fresh, 7, MOTHER, T0.plusSeconds(1))).isFalse();
    assertThat(store.dialledCallsReads()).isEqualTo(3);
  }

  @Test
  void anotherProcessesCallIsSeenAfterARefresh() {
    assertThat(dialled(MOTHER, T0)).isFalse();
    store.append(dial(MOTHER, T0.plusSeconds(1)), null, "another process");
    live.refresh();
    assertThat(dialled(MOTHER, T0.plusSeconds(2))).isTrue();
  }

  @Test
  void aWindowReachingBeforeWhatWasDroppedAsksTheStore() {
    live.append(dial(MOTHER, T0), null, "test");
    live.append(dial(MOTHER, T0.plusMillis(100)), null, "test");
    Instant justAfterTheFirstLeft = T0.plus(Duration.ofDays(7)).plusMillis(50);
    assertThat(dialled(MOTHER, justAfterTheFirstLeft)).isTrue();
    assertThat(store.dialledReads()).isZero();

    assertThat(dialled(MOTHER, justAfterTheFirstLeft.minusMillis(60))).as("a call screened a little late").isTrue();
    assertThat(store.dialledReads()).isEqualTo(1);
  }
}
