package org.dunshield.server.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Replay;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;
import org.dunshield.server.Workspace;
import org.dunshield.store.HistoryQueries;

/**
 * {@code GET /history}: calls and SMS newest first, 50 a page (keyset cursor {@code ?after=AT:ID}),
 * filtered by channel, verdict, number prefix, text and dates; each entry with its verdict and the
 * reason in words. Imported entries carry no stored verdict: they show what the current rules
 * decide, replayed over the page. {@code POST /history/allow} and {@code /history/block} add a
 * one-click rule for the number, or ({@code scope=prefix}) for its block of 10,000 numbers.
 */
final class HistoryPage {
  static final int PAGE = 50;
  /** One-click rules outrank rules typed with the default priority. */
  static final int ONE_CLICK_PRIORITY = 100;

  private final Web web;

  HistoryPage(Web web) {
    this.web = web;
  }

  void show(Context ctx) {
    Workspace w = web.workspace(ctx);
    Settings settings = w.repositories().settings().load();
    ZoneId zone = settings.timezone();
    String channel = choice(ctx.queryParam("channel"), "call", "sms");
    String action = choice(ctx.queryParam("action"), "allow", "silence", "block", "none");
    String number = blankToNull(ctx.queryParam("number"));
    String q = blankToNull(ctx.queryParam("q"));
    if (q != null && q.length() > 100) {
      q = q.substring(0, 100);
    }
    String numberPrefix = null;
    if (number != null) {
      numberPrefix = numberPrefix(number, settings);
    }
    Instant from = day(ctx.queryParam("from"), zone, 0);
    Instant to = day(ctx.queryParam("to"), zone, 1);
    HistoryQueries.Cursor after = cursor(ctx.queryParam("after"));
    HistoryQueries.Page page = w.history().page(new HistoryQueries.Filter(channel, action, numberPrefix, q, from, to),
        after, PAGE);
    Map<Event, Verdict> replayed = replay(w, settings, page.entries());
    String lang = Web.lang(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HistoryEntry e : page.entries()) {
      rows.add(row(e, replayed.get(e.event()), zone, lang));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    model.put("f_channel", channel == null ? "" : channel);
    model.put("f_action", action == null ? "" : action);
    model.put("f_number", number == null ? "" : number);
    model.put("f_q", q == null ? "" : q);
    model.put("f_from", nullToEmpty(ctx.queryParam("from")));
    model.put("f_to", nullToEmpty(ctx.queryParam("to")));
    model.put("next", page.next() == null ? null : page.next().at() + ":" + page.next().id());
    web.render(ctx, "history", "history", model);
  }

  void allow(Context ctx) {
    oneClick(ctx, Action.ALLOW);
  }

  void block(Context ctx) {
    oneClick(ctx, Action.BLOCK);
  }

  private void oneClick(Context ctx, Action action) {
    Workspace w = web.workspace(ctx);
    Settings settings = w.repositories().settings().load();
    NumberParser numbers = NumberParser.forRegion(settings.region());
    String raw = Web.form(ctx, "number");
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("number: missing");
    }
    PhoneNumber number = numbers.parse(raw);
    boolean prefix = "prefix".equals(Web.form(ctx, "scope"));
    String pattern = prefix ? blockOf(number) : number.e164();
    Rule rule = new RuleParser(numbers).parse(action, prefix ? MatchKind.PREFIX : MatchKind.EXACT, pattern,
        ChannelScope.BOTH, ONE_CLICK_PRIORITY, web.message(ctx, "history.oneclick.label"), null);
    Rule stored = w.repositories().rules().add(rule);
    w.screening().invalidate();
    String back = Web.localPath(Web.form(ctx, "back"), "/history");
    Web.done(ctx, back, action == Action.ALLOW ? "allowed" : "blocked",
        stored.pattern() + (prefix ? "*" : ""));
  }

  /** A number's block: its E.164 form without the last four digits (at least country code and three digits). */
  static String blockOf(PhoneNumber number) {
    String e164 = number.e164();
    return e164.substring(0, Math.max(5, e164.length() - 4));
  }

  private static Map<Event, Verdict> replay(Workspace w, Settings settings, List<HistoryEntry> entries) {
    List<Event> unscreened = new ArrayList<>();
    for (HistoryEntry e : entries) {
      if (e.verdict() == null) {
        unscreened.add(e.event());
      }
    }
    Map<Event, Verdict> verdicts = new IdentityHashMap<>();
    if (unscreened.isEmpty()) {
      return verdicts;
    }
    NumberParser numbers = NumberParser.forRegion(settings.region());
    Replay replay = new Replay(w.screener(), settings, RuleBook.indexed(w.repositories().rules().list(), numbers),
        ContactBook.of(w.repositories().contacts().numbers()));
    for (Replay.Step step : replay.run(unscreened)) {
      verdicts.put(step.event(), step.verdict());
    }
    return verdicts;
  }

  static Map<String, Object> row(HistoryEntry e, Verdict replayed, ZoneId zone, String lang) {
    Event event = e.event();
    Map<String, Object> m = new HashMap<>();
    m.put("id", e.id());
    m.put("at", Web.SECOND.format(event.at().atZone(zone)));
    m.put("channel", event.channel().code());
    m.put("direction", event.direction().code());
    m.put("number", event.number() == null ? null : event.number().e164());
    m.put("raw", event.rawNumber());
    m.put("block", event.number() == null ? null : blockOf(event.number()) + "*");
    m.put("contact", event instanceof CallEvent c ? c.contactName() : null);
    m.put("body", event instanceof SmsEvent s ? s.body() : null);
    Verdict v = e.verdict() != null ? e.verdict() : replayed;
    m.put("action", v == null ? null : v.action().code());
    m.put("reason", v == null ? null : v.reason().in(lang));
    m.put("replayed", e.verdict() == null && replayed != null);
    return m;
  }

  private static String numberPrefix(String typed, Settings settings) {
    String digits = typed.replaceAll("[\\s\\-()]", "");
    if (digits.startsWith("+")) {
      if (!digits.substring(1).chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("number: '" + typed + "' is not a number or number prefix");
      }
      return digits;
    }
    if (!digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("number: '" + typed + "' is not a number or number prefix");
    }
    // national digits: the country code of the region, trunk 0 dropped
    int cc = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getCountryCodeForRegion(settings.region());
    return "+" + cc + (digits.startsWith("0") ? digits.substring(1) : digits);
  }

  private static Instant day(String text, ZoneId zone, int plusDays) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date: '" + text + "' is not a date like 2026-10-14");
    }
  }

  private static HistoryQueries.Cursor cursor(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.split(":");
    try {
      return new HistoryQueries.Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("after: '" + text + "' is not a page position");
    }
  }

  private static String choice(String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return a;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
