package org.dunshield.core.complaint;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.Guidance;
import org.dunshield.core.report.Summary;
import org.dunshield.core.report.Violation;

/**
 * Drafts complaints from a case report and the facts the user supplies. Long timelines are cut at
 * {@value #MAX_LINES} calls and {@value #MAX_LINES} SMS (with a note that the full record is in the
 * attached report), since web forms take a few thousand characters. Stateless.
 */
public final class Complaints {
  static final int MAX_LINES = 200;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Complaints() {}

  /**
   * The complaint to {@code channel} about the case of {@code report}, in the report's language.
   *
   * @param given facts the user supplied (empty values count as missing)
   * @throws MissingFactsException listing every required fact that is missing
   */
  public static Complaint draft(ComplaintChannel channel, CaseReport report, Map<Fact, String> given) {
    String lang = report.language();
    boolean zh = "zh".equals(lang);
    Map<Fact, String> facts = new EnumMap<>(Fact.class);
    given.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        facts.put(k, v.strip());
      }
    });
    List<String> reported = reportedNumbers(report);
    List<String> rulesBroken = rulesBroken(report, facts.get(Fact.RULE_BROKEN));
    List<Fact> missing = new ArrayList<>();
    for (Fact f : channel.required()) {
      boolean present = switch (f) {
        case EVENTS -> !report.empty();
        case REPORTED_NUMBERS -> !reported.isEmpty();
        case RULE_BROKEN -> !rulesBroken.isEmpty();
        default -> facts.containsKey(f);
      };
      if (!present) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingFactsException(channel, missing);
    }

    List<Complaint.Section> sections = new ArrayList<>();
    sections.add(new Complaint.Section(zh ? "收件方" : "To", List.of(channel.recipient(lang))));
    List<String> reporter = new ArrayList<>();
    for (Fact f : List.of(Fact.NAME, Fact.ID_NUMBER, Fact.OWN_NUMBER, Fact.CARRIER, Fact.REGION)) {
      if (facts.containsKey(f)) {
        reporter.add(f.label(lang) + (zh ? "：" : ": ") + facts.get(f));
      }
    }
    if (!reporter.isEmpty()) {
      sections.add(new Complaint.Section(zh ? "举报人" : "Reporter", reporter));
    }
    List<String> against = new ArrayList<>();
    for (Fact f : List.of(Fact.INSTITUTION, Fact.CONTRACT_ID)) {
      if (facts.containsKey(f)) {
        against.add(f.label(lang) + (zh ? "：" : ": ") + facts.get(f));
      }
    }
    if (!reported.isEmpty()) {
      against.add(Fact.REPORTED_NUMBERS.label(lang) + (zh ? "：" : ": ") + String.join(", ", reported));
    }
    sections.add(new Complaint.Section(zh ? "被投诉方" : "Complaint against", against));
    sections.add(new Complaint.Section(zh ? "事实经过" : "What happened", facts(report)));
    List<String> calls = callLines(report);
    if (!calls.isEmpty()) {
      sections.add(new Complaint.Section(zh ? "来电记录（时间、号码、类型、时长）" : "Calls (time, number, type, duration)", calls));
    }
    List<String> sms = smsLines(report);
    if (!sms.isEmpty()) {
      sections.add(new Complaint.Section(zh ? "短信原文（时间、发送方、未经编辑的内容）" : "SMS (time, sender, unedited text)", sms));
    }
    if (!rulesBroken.isEmpty()) {
      sections.add(new Complaint.Section(zh ? "违反的规范" : "Rules broken", rulesBroken));
    }
    if (facts.containsKey(Fact.CARRIER_REPLY)) {
      sections.add(new Complaint.Section(Fact.CARRIER_REPLY.label(lang), List.of(facts.get(Fact.CARRIER_REPLY))));
    }
    sections.add(new Complaint.Section(zh ? "诉求" : "Request",
        List.of(facts.getOrDefault(Fact.REQUEST, channel.defaultRequest(lang)))));
    sections.add(new Complaint.Section(zh ? "证据材料" : "Evidence", evidence(report)));
    sections.add(new Complaint.Section(Guidance.title(lang), List.of(zh
        ? "本人已了解自己的权利与逾期的真实后果（见随附报告末页）；本投诉所述事实均来自手机原始记录。"
        : "I know my rights and the real consequences of default (last page of the attached report); every fact here comes from the phone's own records.")));
    String title = (zh ? "关于催收骚扰的投诉 - " : "Complaint about collection harassment - ") + report.kase().name();
    return new Complaint(channel, lang, title, sections);
  }

  /** The case's numbers, else every caller or sender of an incoming event, in order of first appearance. */
  static List<String> reportedNumbers(CaseReport report) {
    Set<String> numbers = new LinkedHashSet<>();
    for (PhoneNumber n : report.kase().numbers()) {
      numbers.add(n.e164());
    }
    if (numbers.isEmpty()) {
      for (HistoryEntry e : report.events()) {
        if (e.event().incoming() && e.event().number() != null) {
          numbers.add(e.event().number().e164());
        }
      }
    }
    return List.copyOf(numbers);
  }

  private static List<String> rulesBroken(CaseReport report, String stated) {
    String lang = report.language();
    boolean zh = "zh".equals(lang);
    List<String> lines = new ArrayList<>();
    if (stated != null) {
      lines.add(stated);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Violation v : report.violations()) {
      if (seen.add(v.ruleSet() + v.rule(lang))) {
        long times = report.violations().stream().filter(o -> o.ruleSet().equals(v.ruleSet()) && o.rule(lang).equals(v.rule(lang))).count();
        lines.add(v.ruleSet() + ": " + v.rule(lang) + (zh ? "（" + times + " 次）" : " (" + times + " times)"));
      }
    }
    if (report.violations().isEmpty() && report.summary().quietHourCalls() > 0) {
      lines.add(zh ? "中国互联网金融协会《互联网金融逾期债务催收自律公约》2024 年指引：22:00 至 08:00 不得催收；本案该时段来电 "
          + report.summary().quietHourCalls() + " 次。"
          : "cn-nifa-2024: no collection contact between 22:00 and 08:00; this case has "
          + report.summary().quietHourCalls() + " incoming calls in those hours.");
    }
    return lines;
  }

  private static List<String> facts(CaseReport report) {
    boolean zh = "zh".equals(report.language());
    Summary s = report.summary();
    String first = local(report, s.first());
    String last = local(report, s.last());
    List<String> lines = new ArrayList<>();
    lines.add(zh
        ? "自 " + first + " 至 " + last + "（" + report.zone().getId() + "），本人共收到来电 " + s.incomingCalls()
            + " 次（其中 22:00 至 08:00 之间 " + s.quietHourCalls() + " 次）、短信 " + s.incomingSms() + " 条，涉及 "
            + s.distinctNumbers() + " 个号码。"
        : "From " + first + " to " + last + " (" + report.zone().getId() + ") I received " + s.incomingCalls()
            + " calls (" + s.quietHourCalls() + " of them between 22:00 and 08:00) and " + s.incomingSms()
            + " SMS from " + s.distinctNumbers() + " numbers.");
    if (s.busiestDay() != null) {
      lines.add(zh ? "来电最多的一天是 " + s.busiestDay().label() + "，共 " + s.busiestDay().count() + " 次。"
          : "The busiest day was " + s.busiestDay().label() + " with " + s.busiestDay().count() + " calls.");
    }
    return lines;
  }

  private static List<String> callLines(CaseReport report) {
    boolean zh = "zh".equals(report.language());
    List<String> lines = new ArrayList<>();
    int total = 0;
    for (HistoryEntry e : report.events()) {
      if (e.event() instanceof CallEvent call && call.incoming()) {
        if (++total <= MAX_LINES) {
          lines.add(local(report, call.at()) + "  " + party(call, zh) + "  " + call.type().code() + "  "
              + call.duration().getSeconds() + (zh ? "秒" : " s"));
        }
      }
    }
    more(lines, total, zh);
    return lines;
  }

  private static List<String> smsLines(CaseReport report) {
    boolean zh = "zh".equals(report.language());
    List<String> lines = new ArrayList<>();
    int total = 0;
    for (HistoryEntry e : report.events()) {
      if (e.event() instanceof SmsEvent sms && sms.incoming()) {
        if (++total <= MAX_LINES) {
          lines.add(local(report, sms.at()) + "  " + party(sms, zh) + "  " + sms.body());
        }
      }
    }
    more(lines, total, zh);
    return lines;
  }

  private static void more(List<String> lines, int total, boolean zh) {
    if (total > MAX_LINES) {
      lines.add(zh ? "……另有 " + (total - MAX_LINES) + " 条，完整记录见随附报告。"
          : "... and " + (total - MAX_LINES) + " more; the attached report has the full record.");
    }
  }

  private static List<String> evidence(CaseReport report) {
    boolean zh = "zh".equals(report.language());
    List<String> lines = new ArrayList<>();
    lines.add(zh ? "证据报告（PDF），含完整时间线、短信原文和文件清单。" : "Evidence report (PDF) with the full timeline, every SMS text and the file manifest.");
    for (Attachment a : report.attachments()) {
      lines.add(a.name() + "  SHA-256 " + a.sha256());
    }
    if (report.chain() != null) {
      lines.add(report.chain().describe(report.language()));
    }
    return lines;
  }

  private static String party(Event e, boolean zh) {
    String p = CaseReport.party(e);
    return p.isEmpty() ? (zh ? "隐藏号码" : "hidden") : p;
  }

  private static String local(CaseReport report, Instant at) {
    return at == null ? "-" : TIME.format(at.atZone(report.zone()));
  }
}
