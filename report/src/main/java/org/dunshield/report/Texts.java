package org.dunshield.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ReportText;

/** Wording shared by the HTML and PDF renderers. Stateless. */
final class Texts {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Texts() {}

  static String time(Instant at, ZoneId zone) {
    return at == null ? "-" : TIME.format(at.atZone(zone));
  }

  static String party(Event e, String lang) {
    String p = CaseReport.party(e);
    return p.isEmpty() ? ReportText.HIDDEN.in(lang) : p;
  }

  static String kind(Event e, String lang) {
    return (e instanceof CallEvent ? ReportText.CALL : ReportText.SMS_KIND).in(lang) + " "
        + (e.incoming() ? ReportText.INCOMING : ReportText.OUTGOING).in(lang);
  }

  static String detail(HistoryEntry entry, String lang) {
    Event e = entry.event();
    String verdict = entry.verdict() == null ? "" : " [" + entry.verdict().action().code()
        + (entry.verdict().category() == null ? "" : " " + entry.verdict().category().code()) + "]";
    if (e instanceof CallEvent call) {
      return call.type().code() + " " + call.duration().getSeconds() + ReportText.SECONDS.in(lang) + verdict;
    }
    return ((SmsEvent) e).body() + verdict;
  }

  static String numbers(Case c, String lang) {
    return c.numbers().isEmpty() ? ReportText.ANY_NUMBER.in(lang)
        : String.join(", ", c.numbers().stream().map(PhoneNumber::e164).toList());
  }

  static String period(CaseReport r) {
    String open = ReportText.OPEN.in(r.language());
    return (r.kase().from() == null ? open : time(r.kase().from(), r.zone())) + " - "
        + (r.kase().to() == null ? open : time(r.kase().to(), r.zone()));
  }
}
