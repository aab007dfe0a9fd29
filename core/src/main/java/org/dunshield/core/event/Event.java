package org.dunshield.core.event;

import java.time.Instant;
import org.dunshield.core.number.PhoneNumber;

/** A call or an SMS, incoming or outgoing. Immutable. */
public sealed interface Event permits CallEvent, SmsEvent {
  /** When it happened. */
  Instant at();

  Channel channel();

  Direction direction();

  /** The other party, normalised; {@code null} when hidden or not a phone number (e.g. "BANK"). */
  PhoneNumber number();

  /** The other party exactly as the source wrote it ("" when hidden). */
  String rawNumber();

  default boolean incoming() {
    return direction() == Direction.INCOMING;
  }

  /**
   * A key that is equal for the same real-world event imported twice: channel, direction, time,
   * party and (for SMS) the body. Stores use it to make imports idempotent.
   */
  String dedupKey();
}
