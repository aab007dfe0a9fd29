package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.history.MemoryHistoryRepository;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;

/**
 * The detectors decide alike whether their state is rebuilt from the history for every event (a
 * fresh process, a replay) or kept incrementally by {@link LiveHistory} (a long-running server):
 * the same verdicts, reasons included, for any sequence of calls and SMS in time order. Traffic
 * comes in bursts (seconds apart) separated by quiet gaps, across several days, from contacts, an
 * allowed number, strangers of one number block, other strangers, hidden callers and code senders.
 * Events are at least a second apart: a rebuild for an event at instant T reads the history before T,
 * so an earlier event at exactly T is left out there and counted by a live tracker.
 */
class LiveTrackingProperties {
  private static final String[] CALLERS = {
    "13700001234", "13900005678", // contacts
    "13600009999", // allowed by a rule
    "17188880001", "17188880002", "17188880003", "17188880017", "17188880042", // one block
    "15011112222", "18622223333", "13344445555", "15566667777", "18899990000",
    null // hidden
  };
  private static final String[] SENDERS = {"1069000111", "1069000222", "1069000333", "1069000444", "13700001234"};
  private static final String[] TEXTS = {
    "【京东】您的验证码是：482913。如非本人操作，请忽略本短信。",
    "【淘宝】验证码 772747，5分钟内有效，请勿泄露。",
    "您好，今天下午开会改到三点。",
  };

  /** One event: a call from {@code who} (an index into CALLERS) or an SMS, {@code gapSeconds} after the previous. */
  record Step(boolean sms, int who, int text, long gapSeconds) {}

  @Property(tries = 300)
  void liveTrackersDecideLikeARebuildForEveryEvent(@ForAll("traffic") List<Step> steps) {
    Settings settings = Settings.defaults();
    RuleBook rules = RuleBook.indexed(List.of(new RuleParser(Phone.CN)
        .parse(Action.ALLOW, MatchKind.EXACT, "13600009999", ChannelScope.BOTH, 0, "", null).withId(1)), Phone.CN);
    ContactBook contacts = ContactBook.of(Set.of(Phone.number("13700001234"), Phone.number("13900005678")));
    Screener screener = Screener.standard(Detectors.checks(DetectionSettings.defaults()));
    InMemoryHistory rebuilt = new InMemoryHistory();
    LiveHistory live = new LiveHistory(new MemoryHistoryRepository());
    ScreeningContext cold = new ScreeningContext(settings, rules, contacts, rebuilt);
    ScreeningContext warm = new ScreeningContext(settings, rules, contacts, live);

    Instant at = Instant.parse("2026-10-12T06:00:00Z");
    for (Step step : steps) {
      at = at.plusSeconds(step.gapSeconds());
      Incoming incoming = incoming(step, at);
      Verdict expected = screener.screen(incoming, cold);
      Verdict actual = screener.screen(incoming, warm);
      assertThat(actual).as("%s at %s", incoming, at).isEqualTo(expected);
      rebuilt.record(incoming.toEvent(), expected);
      live.append(incoming.toEvent(), actual, "test");
    }
  }

  private static Incoming incoming(Step step, Instant at) {
    if (step.sms()) {
      return Incoming.sms(at, Phone.number(SENDERS[step.who() % SENDERS.length]), TEXTS[step.text()]);
    }
    String raw = CALLERS[step.who()];
    PhoneNumber n = raw == null ? null : Phone.number(raw);
    return Incoming.call(at, n, n == null ? Presentation.RESTRICTED : Presentation.ALLOWED);
  }

  @Provide
  Arbitrary<List<Step>> traffic() {
    Arbitrary<List<Step>> burst = Combinators.combine(
            Arbitraries.of(false, false, true), Arbitraries.integers().between(0, CALLERS.length - 1),
            Arbitraries.integers().between(0, TEXTS.length - 1), Arbitraries.longs().between(1, 40))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(12);
    Arbitrary<Long> quiet = Arbitraries.longs().between(41 * 60, 9 * 3600);
    return Combinators.combine(burst.list().ofMinSize(1).ofMaxSize(8), quiet.list().ofSize(8))
        .as(LiveTrackingProperties::join);
  }

  /** Bursts one after the other, each starting after a quiet gap (longer than any detector's memory). */
  private static List<Step> join(List<List<Step>> bursts, List<Long> gaps) {
    List<Step> all = new ArrayList<>();
    for (int i = 0; i < bursts.size(); i++) {
      List<Step> burst = bursts.get(i);
      Step first = burst.get(0);
      all.add(new Step(first.sms(), first.who(), first.text(), gaps.get(i)));
      all.addAll(burst.subList(1, burst.size()));
    }
    return all;
  }
}
