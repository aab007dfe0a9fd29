package org.dunshield.core.conduct;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/** A history built event by event for the analysis tests (Shanghai times). */
final class History {
  static final NumberParser CN = NumberParser.forRegion("CN");
  final List<HistoryEntry> entries = new ArrayList<>();

  static PhoneNumber number(String raw) {
    return CN.parse(raw);
  }

  static Instant at(String localDateTime) {
    return Instant.parse(localDateTime + "+08:00");
  }

  History add(Event e) {
    entries.add(new HistoryEntry(entries.size() + 1, e, null, "test"));
    return this;
  }

  History missed(String raw, String when) {
    return add(new CallEvent(at(when), number(raw), raw, Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null));
  }

  History answered(String raw, String when, int seconds) {
    return add(new CallEvent(at(when), number(raw), raw, Presentation.ALLOWED, CallType.ANSWERED,
        Duration.ofSeconds(seconds), null));
  }

  History sms(String raw, String when, String text) {
    return add(new SmsEvent(at(when), number(raw), raw, Direction.INCOMING, text));
  }
}
