package org.dunshield.report;

import java.io.IOException;
import java.io.OutputStream;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.Counted;
import org.dunshield.core.report.Guidance;
import org.dunshield.core.report.ReportText;
import org.dunshield.core.report.Summary;
import org.dunshield.core.report.Violation;

/**
 * The report as PDF: header, summary, charts (calls per day, by hour with forbidden hours shaded,
 * top numbers), conduct violations, every SMS unedited, the full timeline, the manifest and chain
 * state, and the guidance page. Stateless.
 */
final class PdfReport {
  private PdfReport() {}

  static void write(CaseReport r, CjkFont font, OutputStream out) throws IOException {
    String l = r.language();
    String title = ReportText.TITLE.in(l) + " - " + r.kase().name();
    try (PdfPages pdf = new PdfPages(font, title, title)) {
      float w = pdf.width();
      pdf.heading(ReportText.TITLE.in(l), 18);
      float[] kv = {w * 0.32f, w * 0.68f};
      pdf.row(kv, new String[] {ReportText.CASE.in(l), r.kase().name()}, 10, false);
      pdf.row(kv, new String[] {ReportText.NUMBERS.in(l), Texts.numbers(r.kase(), l)}, 10, false);
      pdf.row(kv, new String[] {ReportText.PERIOD.in(l), Texts.period(r)}, 10, false);
      pdf.row(kv, new String[] {ReportText.GENERATED.in(l), Texts.time(r.generatedAt(), r.zone())}, 10, false);
      pdf.row(kv, new String[] {ReportText.TIMEZONE.in(l), r.zone().getId()}, 10, false);
      pdf.paragraph(ReportText.GUIDANCE_LINK.in(l), 9);

      pdf.heading(ReportText.SUMMARY.in(l), 14);
      if (r.empty()) {
        pdf.paragraph(ReportText.EMPTY_CASE.in(l), 11);
      }
      Summary s = r.summary();
      pdf.row(kv, new String[] {ReportText.EVENTS.in(l), Integer.toString(s.events())}, 10, false);
      pdf.row(kv, new String[] {ReportText.INCOMING_CALLS.in(l), Integer.toString(s.incomingCalls())}, 10, false);
      pdf.row(kv, new String[] {ReportText.MISSED_CALLS.in(l), Integer.toString(s.missedCalls())}, 10, false);
      pdf.row(kv, new String[] {ReportText.INCOMING_SMS.in(l), Integer.toString(s.incomingSms())}, 10, false);
      pdf.row(kv, new String[] {ReportText.DISTINCT_NUMBERS.in(l), Integer.toString(s.distinctNumbers())}, 10, false);
      pdf.row(kv, new String[] {ReportText.QUIET_HOUR_CALLS.in(l), Integer.toString(s.quietHourCalls())}, 10, false);
      pdf.row(kv, new String[] {ReportText.FIRST.in(l), Texts.time(s.first(), r.zone())}, 10, false);
      pdf.row(kv, new String[] {ReportText.LAST.in(l), Texts.time(s.last(), r.zone())}, 10, false);
      if (s.busiestDay() != null) {
        pdf.row(kv, new String[] {ReportText.BUSIEST_DAY.in(l),
            s.busiestDay().label() + " (" + s.busiestDay().count() + ")"}, 10, false);
      }

      if (!r.empty()) {
        pdf.barChart(ReportText.CHART_PER_DAY.in(l), r.callsPerDay(), i -> false, 110);
        pdf.barChart(ReportText.CHART_BY_HOUR.in(l), r.callsByHour(), CaseReport::quietHour, 110);
        pdf.barChart(ReportText.CHART_TOP.in(l), r.topNumbers(), i -> false, 90);
        float[] top = {w * 0.5f, w * 0.5f};
        pdf.row(top, new String[] {ReportText.COL_NUMBER.in(l), ReportText.COL_COUNT.in(l)}, 9, true);
        for (Counted c : r.topNumbers()) {
          pdf.row(top, new String[] {c.label(), Integer.toString(c.count())}, 9, false);
        }
      }

      pdf.heading(ReportText.VIOLATIONS.in(l), 14);
      if (!r.conductAnalysed()) {
        pdf.paragraph(ReportText.NO_CONDUCT_ANALYSIS.in(l), 10);
      } else if (r.violations().isEmpty()) {
        pdf.paragraph(ReportText.NO_VIOLATIONS.in(l), 10);
      } else {
        float[] cols = {w * 0.22f, w * 0.2f, w * 0.33f, w * 0.25f};
        pdf.row(cols, new String[] {ReportText.COL_TIME.in(l), ReportText.COL_NUMBER.in(l), ReportText.RULE.in(l),
            ReportText.COL_DETAIL.in(l)}, 9, true);
        for (Violation v : r.violations()) {
          pdf.row(cols, new String[] {Texts.time(v.at(), r.zone()), v.number() == null ? "" : v.number().e164(),
              v.ruleSet() + ": " + v.rule(l), v.detail(l)}, 8, false);
        }
      }

      pdf.heading(ReportText.SMS_TEXTS.in(l), 14);
      float[] smsCols = {w * 0.22f, w * 0.2f, w * 0.58f};
      pdf.row(smsCols, new String[] {ReportText.COL_TIME.in(l), ReportText.FROM.in(l) + "/" + ReportText.TO.in(l),
          ReportText.COL_DETAIL.in(l)}, 9, true);
      for (HistoryEntry e : r.events()) {
        if (e.event() instanceof SmsEvent sms) {
          pdf.row(smsCols, new String[] {Texts.time(sms.at(), r.zone()), Texts.party(sms, l), sms.body()}, 9, false);
        }
      }

      pdf.heading(ReportText.TIMELINE.in(l), 14);
      float[] cols = {w * 0.22f, w * 0.12f, w * 0.2f, w * 0.46f};
      pdf.row(cols, new String[] {ReportText.COL_TIME.in(l), ReportText.COL_KIND.in(l), ReportText.COL_NUMBER.in(l),
          ReportText.COL_DETAIL.in(l)}, 8, true);
      for (HistoryEntry e : r.events()) {
        pdf.row(cols, new String[] {Texts.time(e.event().at(), r.zone()), Texts.kind(e.event(), l),
            Texts.party(e.event(), l), Texts.detail(e, l)}, 8, false);
      }

      pdf.heading(ReportText.MANIFEST.in(l), 14);
      if (r.attachments().isEmpty()) {
        pdf.paragraph(ReportText.NO_ATTACHMENTS.in(l), 10);
      } else {
        pdf.paragraph(ReportText.MANIFEST_NOTE.in(l), 9);
        float[] m = {w * 0.3f, w * 0.55f, w * 0.15f};
        pdf.row(m, new String[] {ReportText.FILE.in(l), "SHA-256", ReportText.SIZE.in(l)}, 8, true);
        for (Attachment a : r.attachments()) {
          pdf.row(m, new String[] {a.name(), a.sha256(), Long.toString(a.size())}, 8, false);
        }
      }
      if (r.chain() != null) {
        pdf.heading(ReportText.CHAIN.in(l), 11);
        pdf.paragraph(r.chain().describe(l), 9);
      }

      pdf.heading(Guidance.title(l), 14);
      for (String p : Guidance.paragraphs(l)) {
        pdf.paragraph(p, 10);
        pdf.space(3);
      }
      pdf.save(out);
    }
  }
}
