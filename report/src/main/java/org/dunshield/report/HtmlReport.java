package org.dunshield.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntPredicate;
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
 * The report as one self-contained HTML page (no scripts, no external resources; charts as inline
 * SVG), with the same sections as the PDF. Stateless.
 */
final class HtmlReport {
  private HtmlReport() {}

  static void write(CaseReport r, OutputStream out) throws IOException {
    String l = r.language();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    w.write("<!DOCTYPE html>\n<html lang=\"" + l + "\"><head><meta charset=\"utf-8\"><title>"
        + esc(ReportText.TITLE.in(l) + " - " + r.kase().name()) + "</title><style>"
        + "body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}"
        + ".sms{white-space:pre-wrap}.bad{color:#a00}</style></head><body>\n");
    w.write("<h1>" + esc(ReportText.TITLE.in(l)) + "</h1>\n<table>");
    row(w, ReportText.CASE.in(l), r.kase().name());
    row(w, ReportText.NUMBERS.in(l), Texts.numbers(r.kase(), l));
    row(w, ReportText.PERIOD.in(l), Texts.period(r));
    row(w, ReportText.GENERATED.in(l), Texts.time(r.generatedAt(), r.zone()));
    row(w, ReportText.TIMEZONE.in(l), r.zone().getId());
    w.write("</table>\n<p><a href=\"#guidance\">" + esc(ReportText.GUIDANCE_LINK.in(l)) + "</a></p>\n");

    w.write("<h2 id=\"summary\">" + esc(ReportText.SUMMARY.in(l)) + "</h2>\n");
    if (r.empty()) {
      w.write("<p class=\"empty\">" + esc(ReportText.EMPTY_CASE.in(l)) + "</p>\n");
    }
    Summary s = r.summary();
    w.write("<table>");
    row(w, ReportText.EVENTS.in(l), Integer.toString(s.events()));
    row(w, ReportText.INCOMING_CALLS.in(l), Integer.toString(s.incomingCalls()));
    row(w, ReportText.MISSED_CALLS.in(l), Integer.toString(s.missedCalls()));
    row(w, ReportText.INCOMING_SMS.in(l), Integer.toString(s.incomingSms()));
    row(w, ReportText.DISTINCT_NUMBERS.in(l), Integer.toString(s.distinctNumbers()));
    row(w, ReportText.QUIET_HOUR_CALLS.in(l), Integer.toString(s.quietHourCalls()));
    row(w, ReportText.FIRST.in(l), Texts.time(s.first(), r.zone()));
    row(w, ReportText.LAST.in(l), Texts.time(s.last(), r.zone()));
    if (s.busiestDay() != null) {
      row(w, ReportText.BUSIEST_DAY.in(l), s.busiestDay().label() + " (" + s.busiestDay().count() + ")");
    }
    w.write("</table>\n");

    if (!r.empty()) {
      chart(w, ReportText.CHART_PER_DAY.in(l), r.callsPerDay(), h -> false);
      chart(w, ReportText.CHART_BY_HOUR.in(l), r.callsByHour(), CaseReport::quietHour);
      w.write("<h3>" + esc(ReportText.CHART_TOP.in(l)) + "</h3>\n<table>");
      for (Counted c : r.topNumbers()) {
        row(w, c.label(), Integer.toString(c.count()));
      }
      w.write("</table>\n");
    }

    w.write("<h2 id=\"violations\">" + esc(ReportText.VIOLATIONS.in(l)) + "</h2>\n");
    if (!r.conductAnalysed()) {
      w.write("<p>" + esc(ReportText.NO_CONDUCT_ANALYSIS.in(l)) + "</p>\n");
    } else if (r.violations().isEmpty()) {
      w.write("<p>" + esc(ReportText.NO_VIOLATIONS.in(l)) + "</p>\n");
    } else {
      w.write("<table><tr><th>" + esc(ReportText.COL_TIME.in(l)) + "</th><th>" + esc(ReportText.COL_NUMBER.in(l))
          + "</th><th>" + esc(ReportText.RULE.in(l)) + "</th><th>" + esc(ReportText.COL_DETAIL.in(l)) + "</th></tr>\n");
      for (Violation v : r.violations()) {
        w.write("<tr><td>" + esc(Texts.time(v.at(), r.zone())) + "</td><td>" + esc(v.number() == null ? "" : v.number().e164())
            + "</td><td>" + esc(v.ruleSet() + ": " + v.rule(l)) + "</td><td>" + esc(v.detail(l)) + "</td></tr>\n");
      }
      w.write("</table>\n");
    }

    w.write("<h2 id=\"sms\">" + esc(ReportText.SMS_TEXTS.in(l)) + "</h2>\n<table>");
    for (HistoryEntry e : r.events()) {
      if (e.event() instanceof SmsEvent sms) {
        w.write("<tr><td>" + esc(Texts.time(sms.at(), r.zone())) + "</td><td>" + esc(Texts.party(sms, l))
            + "</td><td class=\"sms\">" + esc(sms.body()) + "</td></tr>\n");
      }
    }
    w.write("</table>\n");

    w.write("<h2 id=\"timeline\">" + esc(ReportText.TIMELINE.in(l)) + "</h2>\n<table><tr><th>"
        + esc(ReportText.COL_TIME.in(l)) + "</th><th>" + esc(ReportText.COL_KIND.in(l)) + "</th><th>"
        + esc(ReportText.COL_NUMBER.in(l)) + "</th><th>" + esc(ReportText.COL_DETAIL.in(l)) + "</th></tr>\n");
    for (HistoryEntry e : r.events()) {
      w.write("<tr><td>" + esc(Texts.time(e.event().at(), r.zone())) + "</td><td>" + esc(Texts.kind(e.event(), l))
          + "</td><td>" + esc(Texts.party(e.event(), l)) + "</td><td class=\"sms\">" + esc(Texts.detail(e, l))
          + "</td></tr>\n");
    }
    w.write("</table>\n");

    w.write("<h2 id=\"manifest\">" + esc(ReportText.MANIFEST.in(l)) + "</h2>\n");
    if (r.attachments().isEmpty()) {
      w.write("<p>" + esc(ReportText.NO_ATTACHMENTS.in(l)) + "</p>\n");
    } else {
      w.write("<p>" + esc(ReportText.MANIFEST_NOTE.in(l)) + "</p>\n<table><tr><th>" + esc(ReportText.FILE.in(l))
          + "</th><th>SHA-256</th><th>" + esc(ReportText.SIZE.in(l)) + "</th></tr>\n");
      for (Attachment a : r.attachments()) {
        w.write("<tr><td>" + esc(a.name()) + "</td><td><code>" + a.sha256() + "</code></td><td>" + a.size() + "</td></tr>\n");
      }
      w.write("</table>\n");
    }
    if (r.chain() != null) {
      w.write("<h3>" + esc(ReportText.CHAIN.in(l)) + "</h3>\n<p" + (r.chain().intact() ? "" : " class=\"bad\"") + ">"
          + esc(r.chain().describe(l)) + "</p>\n");
    }

    w.write("<h2 id=\"guidance\">" + esc(Guidance.title(l)) + "</h2>\n");
    List<String> rights = Guidance.rights(l);
    List<String> consequences = Guidance.consequences(l);
    w.write("<ul>");
    for (String p : rights) {
      w.write("<li>" + esc(p) + "</li>");
    }
    w.write("</ul>\n<ul>");
    for (String p : consequences) {
      w.write("<li>" + esc(p) + "</li>");
    }
    w.write("</ul>\n</body></html>\n");
    w.flush();
  }

  private static void chart(Writer w, String title, List<Counted> bars, IntPredicate shaded) throws IOException {
    int max = Math.max(1, bars.stream().mapToInt(Counted::count).max().orElse(1));
    int width = 600;
    int height = 160;
    double step = (double) width / Math.max(1, bars.size());
    StringBuilder svg = new StringBuilder("<h3>").append(esc(title)).append("</h3>\n<svg role=\"img\" width=\"")
        .append(width).append("\" height=\"").append(height + 20).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height + 20).append("\"><title>").append(esc(title)).append("</title>");
    for (int i = 0; i < bars.size(); i++) {
      Counted c = bars.get(i);
      double x = i * step;
      if (shaded.test(i)) {
        svg.append(String.format("<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"#fdd\"/>", x, step, height));
      }
      double h = (double) c.count() * (height - 10) / max;
      svg.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#36c\"><title>%s: %d</title></rect>",
          x + step * 0.1, height - h, step * 0.8, h, esc(c.label()), c.count()));
      if (bars.size() <= 31 || i % Math.max(1, bars.size() / 12) == 0) {
        svg.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>", x, height + 12,
            esc(bars.size() > 24 ? c.label().substring(Math.max(0, c.label().length() - 5)) : c.label())));
      }
    }
    w.write(svg.append("</svg>\n").toString());
  }

  private static void row(Writer w, String key, String value) throws IOException {
    w.write("<tr><th>" + esc(key) + "</th><td>" + esc(value) + "</td></tr>");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
