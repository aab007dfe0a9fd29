package org.dunshield.core.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;

/**
 * A phone for the detector tests: the standard engine plus the detectors, an in-memory history that
 * records every screened event (as live screening does), contacts and rules. Times are Asia/Shanghai.
 */
final class Phone {
  static final NumberParser CN = NumberParser.forRegion("CN");

  Settings settings = Settings.defaults();
  DetectionSettings detection = DetectionSettings.defaults();
  final Set<PhoneNumber> contacts = new HashSet<>();
  final List<Rule> rules = new ArrayList<>();
  final InMemoryHistory history = new InMemoryHistory();

  static PhoneNumber number(String raw) {
    return CN.parse(raw);
  }

  /** A Shanghai wall-clock time on 2026-10-12, "20:01:20". */
  static Instant at(String clock) {
    return Instant.parse("2026-10-12T" + clock + "+08:00");
  }

  Phone contact(String raw) {
    contacts.add(number(raw));
    return this;
  }

  Phone allow(String pattern) {
    rules.add(new RuleParser(CN).parse(Action.ALLOW, MatchKind.EXACT, pattern, ChannelScope.BOTH, 0, "", null)
        .withId(rules.size() + 1));
    return this;
  }

  Verdict call(String raw, Instant at) {
    PhoneNumber n = raw == null ? null : number(raw);
    return screen(Incoming.call(at, n, n == null ? Presentation.RESTRICTED : Presentation.ALLOWED));
  }

  Verdict sms(String raw, String text, Instant at) {
    return screen(Incoming.sms(at, raw == null ? null : number(raw), text));
  }

  Verdict screen(Incoming incoming) {
    ScreeningContext context = new ScreeningContext(settings, RuleBook.indexed(rules, CN), ContactBook.of(contacts), history);
    Verdict v = Screener.standard(Detectors.checks(detection)).screen(incoming, context);
    history.record(incoming.toEvent(), v);
    return v;
  }
}
