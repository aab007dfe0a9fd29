package org.dunshield.core.evidence;

import java.time.Duration;
import java.time.Instant;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;

/** Events the evidence, report and complaint tests share. */
public final class Events {
  public static final PhoneNumber COLLECTOR = PhoneNumber.of("+8617012345678", NumberKind.VIRTUAL_MOBILE);
  public static final PhoneNumber OTHER = PhoneNumber.of("+8613900001111", NumberKind.MOBILE);
  public static final String THREAT = "【某某金融】您已逾期，今日18:00前不还款将联系您的紧急联系人及单位！";

  private Events() {}

  public static HistoryEntry missedCall(long id, PhoneNumber from, String at) {
    return new HistoryEntry(id, new CallEvent(Instant.parse(at), from, from.e164(), Presentation.ALLOWED,
        CallType.MISSED, Duration.ZERO, null), null, "calls.xml");
  }

  public static HistoryEntry sms(long id, PhoneNumber from, String at, String body) {
    return new HistoryEntry(id, new SmsEvent(Instant.parse(at), from, from.e164(), Direction.INCOMING, body), null,
        "sms.xml");
  }
}
