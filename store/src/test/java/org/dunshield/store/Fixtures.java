package org.dunshield.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;

/** Numbers, times and events the store tests share. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
  static final PhoneNumber MUM = PhoneNumber.of("+8613800138000", NumberKind.MOBILE);
  static final PhoneNumber COLLECTOR = PhoneNumber.of("+8617012345678", NumberKind.VIRTUAL_MOBILE);
  static final PhoneNumber OFFICE = PhoneNumber.of("+862161234567", NumberKind.LANDLINE);

  private Fixtures() {}

  static CallEvent missedCallFrom(PhoneNumber number, Instant at) {
    return new CallEvent(at, number, number.e164(), Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null);
  }

  static CallEvent callTo(PhoneNumber number, Instant at) {
    return new CallEvent(at, number, number.e164(), Presentation.ALLOWED, CallType.OUTGOING,
        Duration.ofSeconds(42), "Mum");
  }

  static SmsEvent smsFrom(PhoneNumber number, Instant at, String body) {
    return new SmsEvent(at, number, number.e164(), Direction.INCOMING, body);
  }

  /** {@code count} distinct SMS, made one at a time as a streaming parser would. */
  static Iterator<Event> generatedSms(int count) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Event next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = next++;
        PhoneNumber from = PhoneNumber.of("+86138" + String.format("%08d", i % 5000), NumberKind.MOBILE);
        return new SmsEvent(T0.plusSeconds(i), from, from.e164(),
            i % 3 == 0 ? Direction.OUTGOING : Direction.INCOMING,
            "【某某金融】尊敬的客户，您在本平台的借款已逾期 " + i + " 天，欠款本金及罚息合计 3,280.55 元。"
                + "请于今日 18:00 前登录 APP 还款，逾期不还我司将依法联系您的紧急联系人、工作单位并上报征信。"
                + "如已还款请忽略。退订回T");
      }
    };
  }

  /** Yields {@code good} events from {@code source}, then throws {@code failure} as a broken file would. */
  static Iterator<Event> failingAfter(int good, Iterator<Event> source, RuntimeException failure) {
    return new Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Event next() {
        if (given++ == good) {
          throw failure;
        }
        return source.next();
      }
    };
  }
}
