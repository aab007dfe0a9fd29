package org.dunshield.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Sha256;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;

/** Reports the renderer tests share. */
final class SampleReports {
  static final PhoneNumber COLLECTOR = PhoneNumber.of("+8617012345678", NumberKind.VIRTUAL_MOBILE);
  static final String THREAT = "【某某金融】尊敬的客户，您的借款已逾期15天，欠款3,280.55元。今日18:00前不还款，我司将联系您的紧急联系人、单位并上报征信！退订回T";
  static final Instant NOW = Instant.parse("2026-10-15T00:00:00Z");

  private SampleReports() {}

  static CaseReport collector(String lang) {
    List<HistoryEntry> history = List.of(
        new HistoryEntry(1, new CallEvent(Instant.parse("2026-10-12T15:30:00Z"), COLLECTOR, "17012345678",
            Presentation.ALLOWED, CallType.MISSED, Duration.ZERO, null), null, "calls.xml"),
        new HistoryEntry(2, new SmsEvent(Instant.parse("2026-10-14T02:05:00Z"), COLLECTOR, "17012345678",
            Direction.INCOMING, THREAT), null, "sms.xml"),
        new HistoryEntry(3, new SmsEvent(Instant.parse("2026-10-14T02:06:00Z"), COLLECTOR, "17012345678",
            Direction.INCOMING, "emoji 😀 and a \"quote\", <tag> & comma"), null, "sms.xml"));
    Case c = new Case(1, "某某金融", List.of(COLLECTOR), null, null, NOW);
    Attachment shot = new Attachment(1, 1, "截图.png", Sha256.of("png"), 3, NOW);
    return CaseReport.build(c, history, List.of(shot), null, ConductFindings.NONE, ZoneId.of("Asia/Shanghai"), lang, NOW);
  }

  static CaseReport empty(String lang) {
    Case c = new Case(2, "empty", List.of(COLLECTOR), null, null, NOW);
    return CaseReport.build(c, List.of(), List.of(), null, ConductFindings.NONE, ZoneId.of("Asia/Shanghai"), lang, NOW);
  }
}
