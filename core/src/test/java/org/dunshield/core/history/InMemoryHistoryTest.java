package org.dunshield.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The in-memory history answers like the store (the store's contract test asks the same questions). */
class InMemoryHistoryTest {
  private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
  private static final PhoneNumber MUM = PhoneNumber.of("+8613800138000", NumberKind.MOBILE);
  private static final PhoneNumber COLLECTOR = PhoneNumber.of("+8617012345678", NumberKind.VIRTUAL_MOBILE);
  private static final PhoneNumber OFFICE = PhoneNumber.of("+862161234567", NumberKind.LANDLINE);

  private final InMemoryHistory history = new InMemoryHistory();

  private static CallEvent missed(PhoneNumber n, Instant at) {
    return new CallEvent(at, n, n.e164(), Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null);
  }

  private static List<Instant> times(List<HistoryEntry> entries) {
    return entries.stream().map(e -> e.event().at()).toList();
  }

  @Test
  void incomingFindsEveryCallerOfOneChannelInsideTheWindowOldestFirst() {
    Instant since = T0.minusSeconds(120);
    history.record(missed(COLLECTOR, T0), null);
    history.record(missed(MUM, since), null);
    history.record(new CallEvent(T0.minusSeconds(30), null, "", Presentation.RESTRICTED, CallType.MISSED, Duration.ZERO, null), null);
    history.record(missed(OFFICE, since.minusMillis(1)), null);
    history.record(missed(COLLECTOR, T0.plusSeconds(1)), null);
    history.record(new CallEvent(T0.minusSeconds(2), MUM, MUM.e164(), Presentation.ALLOWED, CallType.OUTGOING,
        Duration.ofSeconds(42), null), null);
    history.record(new SmsEvent(T0.minusSeconds(3), COLLECTOR, COLLECTOR.e164(), Direction.INCOMING, "还钱"), null);
    history.record(new SmsEvent(T0.minusSeconds(4), null, "BANK", Direction.INCOMING, "验证码 123456"), null);
    history.record(new SmsEvent(T0.minusSeconds(5), MUM, MUM.e164(), Direction.OUTGOING, "好的"), null);

    List<HistoryEntry> calls = history.incoming(Channel.CALL, since, T0.plusSeconds(1));
    List<HistoryEntry> sms = history.incoming(Channel.SMS, since, T0.plusSeconds(1));

    assertThat(times(calls)).containsExactly(since, T0.minusSeconds(30), T0);
    assertThat(calls).extracting(e -> e.event().number()).containsExactly(MUM, null, COLLECTOR);
    assertThat(times(sms)).containsExactly(T0.minusSeconds(4), T0.minusSeconds(3));
    assertThat(sms).extracting(e -> e.event().rawNumber()).containsExactly("BANK", COLLECTOR.e164());
  }

  @Test
  void callsFromAndDialledKeepTheirMeaning() {
    history.record(missed(COLLECTOR, T0.plusSeconds(5)), null);
    history.record(missed(COLLECTOR, T0), null);
    history.record(new CallEvent(T0, MUM, MUM.e164(), Presentation.ALLOWED, CallType.OUTGOING, Duration.ofSeconds(1), null), null);

    assertThat(times(history.callsFrom(COLLECTOR, T0, T0.plusSeconds(60)))).containsExactly(T0, T0.plusSeconds(5));
    assertThat(history.dialled(MUM, T0, T0.plusMillis(1))).isTrue();
    assertThat(history.dialled(COLLECTOR, T0, T0.plusSeconds(60))).isFalse();
  }

  @Test
  void dialledCallsAreTheOutgoingCallsInTimeOrder() {
    history.record(new CallEvent(T0.plusSeconds(9), COLLECTOR, COLLECTOR.e164(), Presentation.ALLOWED, CallType.OUTGOING,
        Duration.ZERO, null), null);
    history.record(missed(COLLECTOR, T0), null);
    history.record(new CallEvent(T0, MUM, MUM.e164(), Presentation.ALLOWED, CallType.OUTGOING, Duration.ofSeconds(1), null), null);

    assertThat(history.dialledCalls(T0, T0.plusSeconds(60))).extracting(e -> e.event().number())
        .containsExactly(MUM, COLLECTOR);
    assertThat(history.dialledCalls(T0.plusMillis(1), T0.plusSeconds(9))).isEmpty();
  }
}
