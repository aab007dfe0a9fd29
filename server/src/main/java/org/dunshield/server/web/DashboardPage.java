package org.dunshield.server.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.campaign.Campaign;
import org.dunshield.core.campaign.CampaignSettings;
import org.dunshield.core.campaign.Campaigns;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.Incident;
import org.dunshield.core.detect.Incidents;
import org.dunshield.core.detect.Trust;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.settings.Settings;
import org.dunshield.server.Workspace;
import org.dunshield.store.HistoryQueries;

/**
 * {@code GET /}: calls and SMS allowed, silenced and blocked today and over 30 days (a stacked bar
 * chart drawn as SVG on the server from numbers only), the under-attack banner when the detectors
 * find a bombing incident in the last 24 hours, the most blocked numbers and the campaigns of the
 * last 7 days. The counts come from grouped queries on a covering index (those of the days before
 * today are kept for {@link #PAST_TTL} or until an import; today's are always fresh); incidents and campaigns read at
 * most a bounded slice of the history and are recomputed at most every {@link #ANALYSIS_TTL} per
 * account.
 */
final class DashboardPage {
  static final int DAYS = 30;
  private static final String[] ACTIONS = {"allow", "silence", "block", "none"};
  private static final int CHART_HEIGHT = 160;
  private static final int BAR = 18;
  private static final int MAX_ANALYSED = 5_000;
  /** Campaign grouping is the costliest analysis; it looks at the newest 2,000 entries of the week. */
  private static final int MAX_CAMPAIGN_ENTRIES = 2_000;
  /** The analyses are recomputed at most this often per account (the counts and chart are always fresh). */
  static final Duration ANALYSIS_TTL = Duration.ofSeconds(30);

  /** Counts of the days before today change only through imports (or API calls dated in the past): kept a while. */
  static final Duration PAST_TTL = Duration.ofMinutes(5);

  private record PastCounts(LocalDate today, Instant at, long version, List<HistoryQueries.DayCount> counts) {}

  private final java.util.concurrent.ConcurrentHashMap<Long, PastCounts> past = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<Long, Analysis> analyses = new java.util.concurrent.ConcurrentHashMap<>();

  private final Web web;

  DashboardPage(Web web) {
    this.web = web;
  }

  void show(Context ctx) {
    Workspace w = web.workspace(ctx);
    Settings settings = w.repositories().settings().load();
    ZoneId zone = settings.timezone();
    Instant now = web.clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant from = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
    java.time.ZoneOffset offset = ZonedDateTime.ofInstant(now, zone).getOffset();
    Instant todayStart = today.atStartOfDay(zone).toInstant();
    long version = web.version(w.owner());
    PastCounts before = past.compute(w.owner(), (owner, cached) ->
        cached != null && cached.today().equals(today) && cached.version() == version
            && cached.at().plus(PAST_TTL).isAfter(now) ? cached
            : new PastCounts(today, now, version, w.history().countsByDay(from, todayStart, offset)));
    List<HistoryQueries.DayCount> counts = new ArrayList<>(before.counts());
    counts.addAll(w.history().countsByDay(todayStart, to, offset));

    Map<String, Long> todayTotals = new HashMap<>();
    Map<String, Long> monthTotals = new HashMap<>();
    Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
    for (int i = DAYS - 1; i >= 0; i--) {
      perDay.put(today.minusDays(i), new long[ACTIONS.length]);
    }
    for (HistoryQueries.DayCount c : counts) {
      String action = c.action() == null ? "none" : c.action();
      String key = c.channel() + "." + action;
      monthTotals.merge(key, c.count(), Long::sum);
      if (c.day().equals(today)) {
        todayTotals.merge(key, c.count(), Long::sum);
      }
      long[] day = perDay.get(c.day());
      if (day != null) {
        day[index(action)] += c.count();
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("today", totals(todayTotals));
    model.put("month", totals(monthTotals));
    model.put("chart", chart(perDay));
    model.put("chartHeight", CHART_HEIGHT + 20);
    model.put("chartWidth", DAYS * (BAR + 4) + 10);
    model.put("top", w.history().topNumbers("block", from, 10));

    Analysis analysis = analyses.compute(w.owner(), (owner, cached) ->
        cached != null && cached.at().plus(ANALYSIS_TTL).isAfter(now) ? cached : analyse(w, settings, zone, now));
    if (analysis.attack() != null) {
      model.put("attack", analysis.attack());
    }
    model.put("campaigns", analysis.campaigns());
    web.render(ctx, "dashboard", "dashboard", model);
  }

  /** The detectors' view of the last day and the campaigns of the last week, as the dashboard shows them. */
  private record Analysis(Instant at, Map<String, Object> attack, List<Map<String, Object>> campaigns) {}

  private Analysis analyse(Workspace w, Settings settings, ZoneId zone, Instant now) {
    NumberParser numbers = NumberParser.forRegion(settings.region());
    Trust trust = new Trust(ContactBook.of(w.repositories().contacts().numbers()),
        RuleBook.indexed(w.repositories().rules().list(), numbers), settings);
    SmsClassifier classifier = SmsClassifier.standard();
    List<HistoryEntry> lastDay = slice(w, now.minus(Duration.ofDays(1)), now, MAX_ANALYSED);
    List<Incident> incidents = new Incidents(w.detection(), classifier, trust)
        .find(lastDay.stream().map(HistoryEntry::event).toList());
    Map<String, Object> attack = null;
    if (!incidents.isEmpty()) {
      Incident last = incidents.get(incidents.size() - 1);
      attack = new HashMap<>();
      attack.put("kind", last.kind().code());
      attack.put("ongoing", Duration.between(last.end(), now).compareTo(Duration.ofHours(1)) < 0);
      attack.put("start", Web.MINUTE.format(last.start().atZone(zone)));
      attack.put("end", Web.MINUTE.format(last.end().atZone(zone)));
      attack.put("events", last.events().size());
      attack.put("numbers", last.numbers().stream().limit(10).map(n -> n.e164()).toList());
      attack.put("count", incidents.size());
    }
    List<HistoryEntry> week = slice(w, now.minus(Duration.ofDays(7)), now, MAX_CAMPAIGN_ENTRIES);
    List<Campaign> campaigns = new Campaigns(CampaignSettings.defaults(), w.detection(), classifier, trust).find(week);
    List<Map<String, Object>> shown = campaigns.stream().limit(5).map(c -> Map.<String, Object>of(
        "id", c.id(), "numbers", c.numbers().stream().limit(8).map(n -> n.e164()).toList(),
        "size", c.numbers().size(), "calls", c.calls(), "messages", c.messages())).toList();
    return new Analysis(now, attack, shown);
  }

  /** The newest {@value #MAX_ANALYSED} entries in {@code [from, to)}, oldest first. */
  private static List<HistoryEntry> slice(Workspace w, Instant from, Instant to, int max) {
    HistoryQueries.Page page = w.history().page(new HistoryQueries.Filter(null, null, null, null, from, to), null,
        1000);
    List<HistoryEntry> entries = new ArrayList<>(page.entries());
    while (page.next() != null && entries.size() < max) {
      page = w.history().page(new HistoryQueries.Filter(null, null, null, null, from, to), page.next(), 1000);
      entries.addAll(page.entries());
    }
    java.util.Collections.reverse(entries);
    return entries;
  }

  private static int index(String action) {
    for (int i = 0; i < ACTIONS.length; i++) {
      if (ACTIONS[i].equals(action)) {
        return i;
      }
    }
    return ACTIONS.length - 1;
  }

  private static Map<String, Long> totals(Map<String, Long> raw) {
    Map<String, Long> m = new HashMap<>();
    for (String channel : new String[] {"call", "sms"}) {
      for (String action : ACTIONS) {
        m.put(channel + "_" + action, raw.getOrDefault(channel + "." + action, 0L));
      }
    }
    return m;
  }

  /** One stacked bar per day: {@code x}, {@code label} and a rectangle per verdict with y and height. */
  private static List<Map<String, Object>> chart(Map<LocalDate, long[]> perDay) {
    long max = 1;
    for (long[] day : perDay.values()) {
      long sum = 0;
      for (long n : day) {
        sum += n;
      }
      max = Math.max(max, sum);
    }
    List<Map<String, Object>> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<LocalDate, long[]> e : perDay.entrySet()) {
      int x = 5 + i * (BAR + 4);
      int y = CHART_HEIGHT;
      List<Map<String, Object>> parts = new ArrayList<>();
      long total = 0;
      for (int a = 0; a < ACTIONS.length; a++) {
        long n = e.getValue()[a];
        total += n;
        int h = (int) Math.round((double) n * (CHART_HEIGHT - 10) / max);
        if (h > 0) {
          y -= h;
          parts.add(Map.of("action", ACTIONS[a], "y", y, "h", h, "n", n));
        }
      }
      bars.add(Map.of("x", x, "w", BAR, "parts", parts, "total", total, "day", e.getKey().toString(),
          "label", e.getKey().getDayOfMonth(), "labelX", x + BAR / 2, "labelY", CHART_HEIGHT + 14,
          "showLabel", i % 5 == 4 || i == DAYS - 1));
      i++;
    }
    return bars;
  }
}
