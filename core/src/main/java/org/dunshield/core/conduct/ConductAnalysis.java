package org.dunshield.core.conduct;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;

/**
 * Checks a history against collection conduct rule sets: calls and messages from collectors in
 * forbidden hours (in the user's time zone), more calls a day or a period than allowed, calls soon
 * after a conversation, any contact when the user is not the debtor, threatening content. Each
 * violation names the rule, the events and the numbers. Stateless; thread-safe.
 */
public final class ConductAnalysis {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SmsClassifier classifier;
  private final ZoneId zone;

  public ConductAnalysis(SmsClassifier classifier, ZoneId zone) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * The violations of every rule of {@code sets} by the {@code collectors} (number → collector name),
   * in rule-set order, then by time.
   *
   * @param thirdParty the user is not the debtor ("they are calling me about someone else")
   */
  public List<Violation> analyze(List<HistoryEntry> history, List<RuleSet> sets, Map<PhoneNumber, String> collectors,
      boolean thirdParty) {
    List<HistoryEntry> contacts = new ArrayList<>();
    List<Event> conversations = new ArrayList<>();
    for (HistoryEntry e : history) {
      PhoneNumber n = e.event().number();
      if (n == null || !collectors.containsKey(n)) {
        continue;
      }
      if (e.event().incoming()) {
        contacts.add(e);
      }
      if (e.event() instanceof CallEvent c && c.duration().compareTo(Duration.ZERO) > 0
          && (c.type() == CallType.ANSWERED || c.type() == CallType.OUTGOING)) {
        conversations.add(c);
      }
    }
    contacts.sort(Comparator.comparing((HistoryEntry e) -> e.event().at()).thenComparingLong(HistoryEntry::id));
    conversations.sort(Comparator.comparing(Event::at));
    List<Violation> out = new ArrayList<>();
    for (RuleSet set : sets) {
      for (ConductRule rule : set.rules()) {
        Scope s = new Scope(set, rule, contacts, conversations, collectors);
        if (rule instanceof ConductRule.ForbiddenHours r) {
          forbiddenHours(s, r, out);
        } else if (rule instanceof ConductRule.CallsPerDay r) {
          callsPerDay(s, r, out);
        } else if (rule instanceof ConductRule.CallsInPeriod r) {
          callsInPeriod(s, r, out);
        } else if (rule instanceof ConductRule.AfterConversation r) {
          afterConversation(s, r, out);
        } else if (rule instanceof ConductRule.ThirdParty r) {
          if (thirdParty) {
            thirdParty(s, r, out);
          }
        } else if (rule instanceof ConductRule.Content r) {
          content(s, r, out);
        }
      }
    }
    return out;
  }

  /** What one rule looks at. */
  private record Scope(RuleSet set, ConductRule rule, List<HistoryEntry> contacts, List<Event> conversations,
      Map<PhoneNumber, String> collectors) {
    String collectorOf(Event e) {
      return collectors.get(e.number());
    }

    Violation violation(Reason detail, LocalDate day, String collector, List<Event> events) {
      Set<PhoneNumber> numbers = new LinkedHashSet<>();
      events.forEach(e -> numbers.add(e.number()));
      return new Violation(set.id() + "/" + rule.name(), set.id(), rule.kind(), rule.text(), detail, day, collector,
          events, List.copyOf(numbers));
    }

    List<Event> calls() {
      return contacts.stream().map(HistoryEntry::event).filter(e -> e.channel() == Channel.CALL).toList();
    }
  }

  private void forbiddenHours(Scope s, ConductRule.ForbiddenHours r, List<Violation> out) {
    Map<LocalDate, List<Event>> byDay = new TreeMap<>();
    for (HistoryEntry h : s.contacts()) {
      Event e = h.event();
      if (r.channels().contains(e.channel()) && r.forbidden(e.at().atZone(zone).toLocalTime())) {
        byDay.computeIfAbsent(e.at().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(e);
      }
    }
    String hours = CLOCK.format(r.from()) + "–" + CLOCK.format(r.to());
    byDay.forEach((day, events) -> {
      StringBuilder zh = new StringBuilder();
      StringBuilder en = new StringBuilder();
      for (Event e : events) {
        String at = CLOCK.format(e.at().atZone(zone));
        zh.append(zh.length() == 0 ? "" : "、").append(at).append(e.channel() == Channel.CALL ? " 来电" : " 短信");
        en.append(en.length() == 0 ? "" : ", ").append(at).append(e.channel() == Channel.CALL ? " call" : " message");
      }
      out.add(s.violation(new Reason(day + " 在禁止时段（" + hours + "）内联系 " + events.size() + " 次：" + zh,
          events.size() + " contact" + plural(events.size()) + " in forbidden hours (" + hours + ") on " + day + ": " + en),
          day, collectorsOf(s, events), events));
    });
  }

  private void callsPerDay(Scope s, ConductRule.CallsPerDay r, List<Violation> out) {
    Predicate<Event> counted = e -> switch (r.count()) {
      case ALL -> true;
      case CONNECTED -> connected(e);
      case UNANSWERED -> !connected(e);
    };
    Map<String, List<Event>> groups = new TreeMap<>();
    for (Event e : s.calls()) {
      if (counted.test(e)) {
        String day = e.at().atZone(zone).toLocalDate().toString();
        String key = r.per() == ConductRule.Per.ALL ? day : day + "|" + s.collectorOf(e);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
    }
    String kindZh = switch (r.count()) {
      case ALL -> "次来电";
      case CONNECTED -> "次接通的来电";
      case UNANSWERED -> "次未接通的来电";
    };
    String kindEn = switch (r.count()) {
      case ALL -> " calls";
      case CONNECTED -> " connected calls";
      case UNANSWERED -> " unanswered calls";
    };
    groups.forEach((key, events) -> {
      if (events.size() > r.max()) {
        LocalDate day = LocalDate.parse(key.substring(0, 10));
        String collector = r.per() == ConductRule.Per.ALL ? collectorsOf(s, events) : s.collectorOf(events.get(0));
        out.add(s.violation(new Reason(day + " 共 " + events.size() + " " + kindZh + "，上限 " + r.max() + " 次",
            events.size() + kindEn + " on " + day + ", limit " + r.max()), day, collector, events));
      }
    });
  }

  private void callsInPeriod(Scope s, ConductRule.CallsInPeriod r, List<Violation> out) {
    Map<String, List<Event>> groups = new TreeMap<>();
    for (Event e : s.calls()) {
      groups.computeIfAbsent(r.per() == ConductRule.Per.ALL ? "all" : s.collectorOf(e), k -> new ArrayList<>()).add(e);
    }
    groups.forEach((collector, calls) -> {
      int start = 0;
      List<Event> run = null;
      for (int j = 0; j < calls.size(); j++) {
        LocalDate firstDay = calls.get(j).at().atZone(zone).toLocalDate().minusDays(r.days() - 1L);
        while (calls.get(start).at().atZone(zone).toLocalDate().isBefore(firstDay)) {
          start++;
        }
        boolean excess = j - start + 1 > r.max();
        if (excess && run == null) {
          run = new ArrayList<>(calls.subList(start, j + 1));
        } else if (excess) {
          run.add(calls.get(j));
        } else if (run != null) {
          out.add(periodViolation(s, r, collector, run));
          run = null;
        }
      }
      if (run != null) {
        out.add(periodViolation(s, r, collector, run));
      }
    });
  }

  private Violation periodViolation(Scope s, ConductRule.CallsInPeriod r, String collector, List<Event> run) {
    LocalDate first = run.get(0).at().atZone(zone).toLocalDate();
    LocalDate last = run.get(run.size() - 1).at().atZone(zone).toLocalDate();
    return s.violation(new Reason(first + " 至 " + last + " 期间任意 " + r.days() + " 天内来电超过 " + r.max() + " 次（共 "
        + run.size() + " 次）", "more than " + r.max() + " calls within " + r.days() + " days between " + first + " and "
        + last + " (" + run.size() + " calls)"), null, "all".equals(collector) ? collectorsOf(s, run) : collector, run);
  }

  private void afterConversation(Scope s, ConductRule.AfterConversation r, List<Violation> out) {
    Duration period = Duration.ofDays(r.days());
    List<Event> calls = s.calls();
    for (int i = 0; i < s.conversations().size(); i++) {
      Event talk = s.conversations().get(i);
      Instant next = i + 1 < s.conversations().size() ? s.conversations().get(i + 1).at() : Instant.MAX;
      String collector = s.collectorOf(talk);
      List<Event> events = new ArrayList<>();
      events.add(talk);
      for (Event c : calls) {
        if (c.at().isAfter(talk.at()) && c.at().isBefore(next) && !c.equals(talk)
            && Duration.between(talk.at(), c.at()).compareTo(period) <= 0 && collector.equals(s.collectorOf(c))) {
          events.add(c);
        }
      }
      if (events.size() > 1) {
        String when = MINUTE.format(talk.at().atZone(zone));
        int n = events.size() - 1;
        out.add(s.violation(new Reason(when + " 通话后 " + r.days() + " 天内又来电 " + n + " 次",
            n + " call" + plural(n) + " within " + r.days() + " days after the conversation at " + when),
            talk.at().atZone(zone).toLocalDate(), collector, events));
      }
    }
  }

  private void thirdParty(Scope s, ConductRule.ThirdParty r, List<Violation> out) {
    Map<String, List<HistoryEntry>> byCollector = new TreeMap<>();
    for (HistoryEntry h : s.contacts()) {
      byCollector.computeIfAbsent(s.collectorOf(h.event()), k -> new ArrayList<>()).add(h);
    }
    byCollector.forEach((collector, entries) -> {
      List<Event> events = entries.stream().map(HistoryEntry::event).toList();
      int n = events.size();
      switch (r.mode()) {
        case BANNED -> out.add(s.violation(new Reason("您不是债务人，该催收方仍联系您 " + n + " 次",
            "you are not the debtor, yet this collector contacted you " + n + " time" + plural(n)), null, collector, events));
        case CONDITIONAL -> out.add(s.violation(new Reason("您不是债务人，该催收方联系您 " + n
            + " 次；除非债务人确实无法联系，否则违反本条", "you are not the debtor and this collector contacted you " + n
            + " time" + plural(n) + ": a breach unless the debtor could not be reached"), null, collector, events));
        case LOCATION_ONCE -> {
          List<Event> namingTheDebt = entries.stream().filter(h -> h.event() instanceof SmsEvent
              && isCategory(h, Set.of(Category.DEBT_COLLECTION, Category.THREAT))).map(HistoryEntry::event).toList();
          if (n > 1 || !namingTheDebt.isEmpty()) {
            out.add(s.violation(new Reason("您不是债务人：该催收方联系您 " + n + " 次" + (namingTheDebt.isEmpty() ? ""
                : "，其中 " + namingTheDebt.size() + " 条短信提及债务"), "you are not the debtor: this collector contacted you "
                + n + " time" + plural(n) + (namingTheDebt.isEmpty() ? "" : ", " + namingTheDebt.size()
                + " message" + plural(namingTheDebt.size()) + " naming the debt")), null, collector, events));
          }
        }
      }
    });
  }

  private void content(Scope s, ConductRule.Content r, List<Violation> out) {
    for (HistoryEntry h : s.contacts()) {
      if (h.event() instanceof SmsEvent && isCategory(h, r.categories())) {
        String at = MINUTE.format(h.event().at().atZone(zone));
        out.add(s.violation(new Reason(at + " 的短信含威胁、侮辱或冒充内容", "threatening, insulting or impersonating message at " + at),
            h.event().at().atZone(zone).toLocalDate(), s.collectorOf(h.event()), List.of(h.event())));
      }
    }
  }

  /** The stored verdict's category when screening gave one, else the classifier's reading. */
  private boolean isCategory(HistoryEntry h, Set<Category> categories) {
    Category c = h.verdict() != null && h.verdict().category() != null && !"label".equals(h.verdict().check())
        ? h.verdict().category() : null;
    if (c == null && h.event() instanceof SmsEvent sms) {
      c = classifier.classify(sms.body()).category();
    }
    return c != null && categories.contains(c);
  }

  private static boolean connected(Event e) {
    return e instanceof CallEvent c && c.type() == CallType.ANSWERED && c.duration().compareTo(Duration.ZERO) > 0;
  }

  private static String collectorsOf(Scope s, List<Event> events) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    events.forEach(e -> names.put(s.collectorOf(e), true));
    return String.join(", ", names.keySet());
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
