package org.dunshield.server.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.complaint.Complaint;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.core.complaint.Fact;
import org.dunshield.core.complaint.MissingFactsException;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.report.Reports;
import org.dunshield.server.evidence.CaseDesk;

/**
 * {@code /cases}: the account's cases; build one from numbers and dates; on a case's page, preview
 * its report (HTML), download it (PDF, CSV, JSON, through {@code /api/v1/cases/{id}/report}), and
 * draft a complaint per channel with the facts only the user knows; missing facts are listed by
 * name instead of an error. Cases of other accounts answer 404.
 */
final class CasesPage {
  private final Web web;

  CasesPage(Web web) {
    this.web = web;
  }

  void list(Context ctx) {
    list(ctx, 200, null);
  }

  private void list(Context ctx, int status, String error) {
    CaseDesk desk = web.workspace(ctx).cases();
    ZoneId zone = desk.zone();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Case c : desk.list()) {
      rows.add(row(c, zone));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("cases", rows);
    model.put("error", error);
    model.put("typedName", nonNull(ctx.formParam("name")));
    model.put("typedNumbers", nonNull(ctx.formParam("numbers")));
    web.render(ctx, status, "cases", "cases", model);
  }

  void create(Context ctx) {
    CaseDesk desk = web.workspace(ctx).cases();
    ZoneId zone = desk.zone();
    Case created;
    try {
      NumberParser parser = NumberParser.forRegion(desk.settings().region());
      List<PhoneNumber> numbers = new ArrayList<>();
      String typed = nonNull(Web.form(ctx, "numbers"));
      for (String n : typed.split("[,;\\s]+")) {
        if (!n.isBlank()) {
          numbers.add(parser.parse(n));
        }
      }
      Instant from = day(Web.form(ctx, "from"), zone, 0, "from");
      Instant to = day(Web.form(ctx, "to"), zone, 1, "to");
      created = desk.create(new Case(0, nonNull(Web.form(ctx, "name")), numbers, from, to, desk.clock().instant()));
    } catch (IllegalArgumentException e) {
      list(ctx, 400, e.getMessage());
      return;
    }
    Web.done(ctx, "/cases/" + created.id(), "case_created", created.name());
  }

  void show(Context ctx) {
    show(ctx, 200, null, List.of());
  }

  private void show(Context ctx, int status, String error, List<String> missing) {
    CaseDesk desk = web.workspace(ctx).cases();
    Case kase = find(desk, ctx.pathParam("id"));
    String lang = Web.lang(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", row(kase, desk.zone()));
    List<Map<String, String>> channels = new ArrayList<>();
    for (ComplaintChannel ch : ComplaintChannel.values()) {
      channels.add(Map.of("code", ch.code(), "name", ch.recipient(lang)));
    }
    model.put("channels", channels);
    List<Map<String, String>> facts = new ArrayList<>();
    for (Fact f : Fact.values()) {
      if (!f.derived()) {
        facts.add(Map.of("code", f.code(), "label", f.label(lang), "value", nonNull(ctx.queryParam(f.code()))));
      }
    }
    model.put("facts", facts);
    model.put("error", error);
    model.put("missing", missing);
    web.render(ctx, status, "case", "cases", model);
  }

  /** {@code GET /cases/{id}/complaint?channel=&format=text|pdf&FACT=...}: the draft, or the page listing missing facts. */
  void complaint(Context ctx) {
    CaseDesk desk = web.workspace(ctx).cases();
    Case kase = find(desk, ctx.pathParam("id"));
    String lang = Web.lang(ctx);
    Map<String, String> facts = new LinkedHashMap<>();
    for (Fact f : Fact.values()) {
      String v = ctx.queryParam(f.code());
      if (!f.derived() && v != null && !v.isBlank()) {
        facts.put(f.code(), v.strip());
      }
    }
    Complaint draft;
    ComplaintChannel channel;
    try {
      channel = ComplaintChannel.fromCode(nonNull(ctx.queryParam("channel")));
      draft = desk.complaint(kase, channel, facts, lang);
    } catch (MissingFactsException e) {
      show(ctx, 422, null, e.missing().stream().map(f -> f.label(lang)).toList());
      return;
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage(), List.of());
      return;
    }
    boolean pdf = "pdf".equals(ctx.queryParam("format"));
    ctx.status(200).contentType(pdf ? "application/pdf" : "text/plain; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"complaint-" + kase.id() + "-" + channel.code()
            + (pdf ? ".pdf" : ".txt") + "\"")
        .result(Reports.render(draft, pdf));
  }

  private static Case find(CaseDesk desk, String id) {
    if (id == null || !id.chars().allMatch(Character::isDigit) || id.isEmpty() || id.length() > 18) {
      throw new NotFound();
    }
    try {
      return desk.find(id);
    } catch (CaseDesk.UnknownCaseException e) {
      throw new NotFound();
    }
  }

  private static Map<String, Object> row(Case c, ZoneId zone) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("numbers", c.numbers().stream().map(PhoneNumber::e164).toList());
    m.put("from", c.from() == null ? "" : LocalDate.ofInstant(c.from(), zone).toString());
    m.put("to", c.to() == null ? "" : LocalDate.ofInstant(c.to(), zone).minusDays(1).toString());
    m.put("created", Web.MINUTE.format(c.createdAt().atZone(zone)));
    return m;
  }

  private static Instant day(String text, ZoneId zone, int plusDays, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": '" + text + "' is not a date like 2026-10-14");
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
