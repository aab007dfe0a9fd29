package org.dunshield.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Event;
import org.dunshield.core.evidence.Attachment;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.history.HistoryEntry;

/**
 * Everything a report of one case says, computed once and rendered by any format. Built by {@link
 * #build}; immutable (its lists are unmodifiable).
 *
 * @param events the case's events, oldest first
 * @param callsPerDay incoming calls per local day, every day from the first to the last event
 * @param callsByHour incoming calls per hour of the local day, 24 entries ("00" to "23")
 * @param topNumbers the numbers with the most incoming calls and SMS, at most {@value #TOP}
 * @param violations conduct-rule violations, empty when none were found or no analysis ran
 * @param conductAnalysed whether a conduct analysis ran at all
 */
public record CaseReport(
    Case kase,
    String language,
    ZoneId zone,
    Instant generatedAt,
    List<HistoryEntry> events,
    List<Attachment> attachments,
    Verification chain,
    Summary summary,
    List<Counted> callsPerDay,
    List<Counted> callsByHour,
    List<Counted> topNumbers,
    List<Violation> violations,
    boolean conductAnalysed) {

  /** How many numbers the "top numbers" list and chart show. */
  public static final int TOP = 10;
  /** The quiet hours most rules forbid: from 22:00 until 08:00. */
  public static final int QUIET_FROM = 22;
  public static final int QUIET_UNTIL = 8;

  public CaseReport {
    Objects.requireNonNull(kase, "kase");
    Objects.requireNonNull(zone, "zone");
    if (!"zh".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("report language must be zh or en, got '" + language + "'");
    }
    events = List.copyOf(events);
    attachments = List.copyOf(attachments);
    callsPerDay = List.copyOf(callsPerDay);
    callsByHour = List.copyOf(callsByHour);
    topNumbers = List.copyOf(topNumbers);
    violations = List.copyOf(violations);
  }

  /** Whether an hour of the day (0-23) is a quiet hour. */
  public static boolean quietHour(int hour) {
    return hour >= QUIET_FROM || hour < QUIET_UNTIL;
  }

  public boolean empty() {
    return events.isEmpty();
  }

  /**
   * Builds the report of {@code kase} from the stored history {@code history} (any superset of the
   * case's events, oldest first).
   */
  public static CaseReport build(Case kase, List<HistoryEntry> history, List<Attachment> attachments,
      Verification chain, ConductFindings conduct, ZoneId zone, String language, Instant generatedAt) {
    List<HistoryEntry> events = new ArrayList<>();
    for (HistoryEntry e : history) {
      if (kase.includes(e.event())) {
        events.add(e);
      }
    }
    int calls = 0;
    int incomingCalls = 0;
    int missed = 0;
    int sms = 0;
    int incomingSms = 0;
    int quiet = 0;
    int[] byHour = new int[24];
    TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
    Map<String, Integer> perNumber = new HashMap<>();
    Set<String> numbers = new HashSet<>();
    for (HistoryEntry entry : events) {
      Event e = entry.event();
      String party = party(e);
      if (!party.isEmpty()) {
        numbers.add(party);
      }
      ZonedDateTime local = e.at().atZone(zone);
      perDay.putIfAbsent(local.toLocalDate(), 0);
      if (e instanceof CallEvent call) {
        calls++;
        if (call.incoming()) {
          incomingCalls++;
          byHour[local.getHour()]++;
          perDay.merge(local.toLocalDate(), 1, Integer::sum);
          quiet += quietHour(local.getHour()) ? 1 : 0;
          missed += call.type() == CallType.MISSED || call.type() == CallType.REJECTED ? 1 : 0;
        }
      } else {
        sms++;
        incomingSms += e.incoming() ? 1 : 0;
      }
      if (e.incoming()) {
        perNumber.merge(party.isEmpty() ? "hidden" : party, 1, Integer::sum);
      }
    }
    List<Counted> days = new ArrayList<>();
    if (!perDay.isEmpty()) {
      for (LocalDate d = perDay.firstKey(); !d.isAfter(perDay.lastKey()); d = d.plusDays(1)) {
        days.add(new Counted(d.toString(), perDay.getOrDefault(d, 0)));
      }
    }
    List<Counted> hours = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      hours.add(new Counted(String.format("%02d", h), byHour[h]));
    }
    List<Counted> top = perNumber.entrySet().stream()
        .map(en -> new Counted(en.getKey(), en.getValue()))
        .sorted(Comparator.comparingInt(Counted::count).reversed().thenComparing(Counted::label))
        .limit(TOP)
        .toList();
    Counted busiest = days.stream().max(Comparator.comparingInt(Counted::count)
        .thenComparing(Counted::label, Comparator.reverseOrder())).filter(c -> c.count() > 0).orElse(null);
    Summary summary = new Summary(events.size(), calls, incomingCalls, missed, sms, incomingSms, numbers.size(),
        quiet, events.isEmpty() ? null : events.get(0).event().at(),
        events.isEmpty() ? null : events.get(events.size() - 1).event().at(), busiest);
    List<Violation> found = conduct.find(events, zone);
    return new CaseReport(kase, language, zone, generatedAt, events, attachments, chain, summary, days, hours, top,
        found == null ? List.of() : found, found != null);
  }

  /** The other party as the report shows it: E.164, else what the phone wrote, else "" when hidden. */
  public static String party(Event e) {
    return e.number() != null ? e.number().e164() : e.rawNumber();
  }
}
