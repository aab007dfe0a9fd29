package org.dunshield.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/**
 * A call. {@code number} is {@code null} for hidden callers; {@code duration} is how long it was
 * connected (zero for missed calls); {@code contactName} is what the phone showed, or {@code null}.
 */
public record CallEvent(
    Instant at,
    PhoneNumber number,
    String rawNumber,
    Presentation presentation,
    CallType type,
    Duration duration,
    String contactName)
    implements Event {

  public CallEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(presentation, "presentation");
    Objects.requireNonNull(type, "type");
    rawNumber = rawNumber == null ? "" : rawNumber;
    duration = duration == null ? Duration.ZERO : duration;
    if (duration.isNegative()) {
      throw new IllegalArgumentException("call duration must not be negative: " + duration);
    }
  }

  /** An incoming call as the screening engine sees it live: not yet answered, missed or blocked. */
  public static CallEvent incoming(Instant at, PhoneNumber number, Presentation presentation) {
    return new CallEvent(at, number, number == null ? "" : number.e164(), presentation,
        CallType.MISSED, Duration.ZERO, null);
  }

  @Override
  public Channel channel() {
    return Channel.CALL;
  }

  @Override
  public Direction direction() {
    return type.direction();
  }

  @Override
  public String dedupKey() {
    String party = number != null ? number.e164() : rawNumber + "|" + presentation.code();
    return "call|" + type.direction().code() + "|" + at.toEpochMilli() + "|" + party;
  }
}
