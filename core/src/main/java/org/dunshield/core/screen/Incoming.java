package org.dunshield.core.screen;

import java.time.Instant;
import java.util.Objects;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.PhoneNumber;

/**
 * What is being screened: an incoming call or SMS at a moment. {@code number} is {@code null} for a
 * hidden caller or a non-numeric sender; {@code text} is the SMS body ({@code ""} for calls).
 */
public record Incoming(Channel channel, Instant at, PhoneNumber number, Presentation presentation, String text) {
  public Incoming {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(presentation, "presentation");
    text = text == null ? "" : text;
  }

  public static Incoming call(Instant at, PhoneNumber number, Presentation presentation) {
    return new Incoming(Channel.CALL, at, number, number == null && presentation == Presentation.ALLOWED
        ? Presentation.UNKNOWN : presentation, "");
  }

  public static Incoming sms(Instant at, PhoneNumber sender, String text) {
    return new Incoming(Channel.SMS, at, sender, Presentation.ALLOWED, text);
  }

  /** The incoming side of an event, or {@code null} for outgoing events. */
  public static Incoming of(Event event) {
    if (event.direction() != Direction.INCOMING) {
      return null;
    }
    if (event instanceof CallEvent call) {
      return call(call.at(), call.number(), call.presentation());
    }
    SmsEvent sms = (SmsEvent) event;
    return sms(sms.at(), sms.number(), sms.body());
  }

  /** Whether the caller's number is unavailable (hidden, unknown, payphone, or absent). */
  public boolean withheld() {
    return number == null || presentation.withheld();
  }

  /** The event to record in history for this screening. */
  public Event toEvent() {
    if (channel == Channel.CALL) {
      return CallEvent.incoming(at, number, presentation);
    }
    return new SmsEvent(at, number, number == null ? "" : number.e164(), Direction.INCOMING, text);
  }
}
