package org.dunshield.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;

class ScreenerTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z"); // Monday 12:00 in Shanghai
  private final Screener screener = Screener.standard();
  private final List<Rule> rules = new ArrayList<>();
  private final InMemoryHistory history = new InMemoryHistory();
  private Settings settings = Settings.defaults();
  private final PhoneNumber dad = CN.parse("13700001234");
  private final PhoneNumber collector = CN.parse("17188880001");

  private void rule(Action action, MatchKind kind, String pattern, int priority, String when) {
    rules.add(new RuleParser(CN).parse(action, kind, pattern, ChannelScope.BOTH, priority, "", when).withId(rules.size() + 1));
  }

  private Verdict call(PhoneNumber number, Instant at) {
    Incoming in = Incoming.call(at, number, number == null ? Presentation.RESTRICTED : Presentation.ALLOWED);
    Verdict v = screener.screen(in, new ScreeningContext(settings, RuleBook.indexed(rules, CN), ContactBook.of(Set.of(dad)), history));
    history.record(in.toEvent(), v);
    return v;
  }

  private Verdict sms(PhoneNumber number, String text) {
    return screener.screen(Incoming.sms(NOON, number, text),
        new ScreeningContext(settings, RuleBook.indexed(rules, CN), ContactBook.of(Set.of(dad)), history));
  }

  @Test
  void withNoRulesEverythingRingsByDefault() {
    Verdict v = call(collector, NOON);
    assertThat(v.action()).isEqualTo(Action.ALLOW);
    assertThat(v.check()).isEqualTo("default");
    assertThat(v.number()).isEqualTo(collector);
  }

  @Test
  void aBlockRuleBlocksAndSaysWhichRuleInBothLanguages() {
    rule(Action.BLOCK, MatchKind.WILDCARD, "171*", 0, null);
    Verdict v = call(collector, NOON);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.check()).isEqualTo("user-rule");
    assertThat(v.ruleId()).isEqualTo(1L);
    assertThat(v.reason().en()).contains("rule #1").contains("wildcard +86171*");
    assertThat(v.reason().zh()).contains("规则 #1");
  }

  @Test
  void strangersModeBlocksNonContactsButContactsRing() {
    settings = settings.with("mode", "strangers");
    assertThat(call(collector, NOON).action()).isEqualTo(Action.BLOCK);
    assertThat(call(dad, NOON).check()).isEqualTo("contact");
    assertThat(sms(collector, "hi").action()).isEqualTo(Action.SILENCE);
  }

  @Test
  void aStrangerCallingAgainWithinThreeMinutesGetsThroughOnlyOnce() {
    settings = settings.with("mode", "strangers");
    assertThat(call(collector, NOON).action()).isEqualTo(Action.BLOCK);
    Verdict second = call(collector, NOON.plusSeconds(60));
    assertThat(second.action()).isEqualTo(Action.ALLOW);
    assertThat(second.check()).isEqualTo("repeat-caller");
    assertThat(call(collector, NOON.plusSeconds(120)).action()).isEqualTo(Action.BLOCK);
    assertThat(call(collector, NOON.plus(Duration.ofMinutes(30))).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aNumberTheUserCalledRecentlyGetsThroughInStrangersMode() {
    settings = settings.with("mode", "strangers");
    history.record(new CallEvent(NOON.minus(Duration.ofDays(2)), collector, "17188880001", Presentation.ALLOWED,
        CallType.OUTGOING, Duration.ofSeconds(30), null), null);
    assertThat(call(collector, NOON).check()).isEqualTo("dialled");
    settings = settings.with("dialed-allow-days", "1");
    assertThat(call(collector, NOON.plusSeconds(3600)).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void blockAllStopsContactsButNotEmergencyOrExplicitAllows() {
    settings = settings.with("mode", "block-all");
    rule(Action.ALLOW, MatchKind.EXACT, "13900005678", 0, null);
    assertThat(call(dad, NOON).action()).isEqualTo(Action.BLOCK);
    assertThat(call(CN.parse("110"), NOON).action()).isEqualTo(Action.ALLOW);
    assertThat(call(CN.parse("95588"), NOON).action()).isEqualTo(Action.BLOCK);
    assertThat(call(CN.parse("13900005678"), NOON).check()).isEqualTo("user-rule");
  }

  @Test
  void whitelistOnlyLetsServiceNumbersAndAllowRulesThrough() {
    settings = settings.with("mode", "whitelist-only");
    assertThat(call(dad, NOON).action()).isEqualTo(Action.BLOCK);
    assertThat(call(CN.parse("95588"), NOON).check()).isEqualTo("service-number");
    assertThat(call(CN.parse("12321"), NOON).category()).isEqualTo(Category.INSTITUTION);
  }

  @Test
  void anExplicitRuleCanStillBlockAServiceNumber() {
    rule(Action.BLOCK, MatchKind.EXACT, "95588", 0, null);
    assertThat(call(CN.parse("95588"), NOON).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void hiddenCallersAreBlockedOnlyWhenTheSwitchIsOn() {
    assertThat(call(null, NOON).action()).isEqualTo(Action.ALLOW);
    settings = settings.with("block-hidden", "true");
    Verdict v = call(null, NOON);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.check()).isEqualTo("hidden-caller");
    assertThat(v.number()).isNull();
  }

  @Test
  void aTypeRuleForHiddenCallersMatchesWithheldNumbers() {
    rule(Action.BLOCK, MatchKind.TYPE, "hidden", 0, null);
    assertThat(call(null, NOON).check()).isEqualTo("user-rule");
  }

  @Test
  void equalPriorityAllowAndBlockResolveTheSameWayEveryTime() {
    rule(Action.BLOCK, MatchKind.PREFIX, "171", 0, null);
    rule(Action.ALLOW, MatchKind.PREFIX, "171", 0, null);
    for (int i = 0; i < 20; i++) {
      assertThat(call(collector, NOON.plus(Duration.ofHours(i))).action()).isEqualTo(Action.ALLOW);
    }
  }

  @Test
  void aRuleIdReusedForAnotherPatternIsExplainedAfresh() {
    rule(Action.BLOCK, MatchKind.PREFIX, "171", 0, null);
    assertThat(call(collector, NOON).reason().en()).contains("+86171");
    rules.clear();
    rule(Action.BLOCK, MatchKind.WILDCARD, "1718888*", 0, null); // id 1 again, another pattern
    assertThat(call(collector, NOON.plusSeconds(600)).reason().en()).contains("wildcard +861718888*");
  }

  @Test
  void everyOneOfManyRulesIsExplainedWithItsOwnIdRoundAfterRound() {
    // more rules than the explanation cache has places, so ids share places and push each other out
    List<PhoneNumber> numbers = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String national = Long.toString(13_000_000_000L + i * 7919L);
      rule(i % 2 == 0 ? Action.BLOCK : Action.ALLOW, MatchKind.EXACT, national, 0, null);
      numbers.add(CN.parse(national));
    }
    ScreeningContext context = new ScreeningContext(settings, RuleBook.indexed(rules, CN), ContactBook.empty(), history);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < numbers.size(); i++) {
        Verdict v = screener.screen(Incoming.call(NOON, numbers.get(i), Presentation.ALLOWED), context);
        assertThat(v.ruleId()).isEqualTo(i + 1L);
        assertThat(v.reason().en()).isEqualTo("matches your " + (i % 2 == 0 ? "block" : "allow") + " rule #" + (i + 1)
            + ": exact " + numbers.get(i).e164());
      }
    }
  }

  @Test
  void higherPriorityBeatsSpecificity() {
    rule(Action.ALLOW, MatchKind.EXACT, "17188880001", 0, null);
    rule(Action.BLOCK, MatchKind.PREFIX, "171", 10, null);
    assertThat(call(collector, NOON).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aScheduledRuleAppliesOnlyInsideItsWindowInTheUsersTimeZone() {
    rule(Action.BLOCK, MatchKind.PREFIX, "171", 0, "daily 22:00-08:00");
    assertThat(call(collector, NOON).action()).isEqualTo(Action.ALLOW);
    Instant night = Instant.parse("2026-11-30T15:30:00Z"); // 23:30 in Shanghai
    assertThat(call(collector, night).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aLabelThatNamesACategorySetsTheVerdictsCategory() {
    rules.add(new RuleParser(CN).parse(Action.BLOCK, MatchKind.PREFIX, "171", ChannelScope.CALL, 0, "debt_collection", null)
        .withId(1));
    assertThat(call(collector, NOON).category()).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(sms(collector, "hello").action()).isEqualTo(Action.ALLOW);
  }

  @Test
  void checksRunInPriorityOrderWithTiesBrokenById() {
    List<String> ids = screener.checks().stream().map(Check::id).toList();
    assertThat(ids).containsExactly("user-rule", "emergency", "contact", "dialled", "service-number",
        "repeat-caller", "hidden-caller", "mode");
    Check a = fixed("b-check", 7, Action.BLOCK);
    Check b = fixed("a-check", 7, Action.ALLOW);
    Screener tie = Screener.of(List.of(a, b));
    Verdict v = tie.screen(Incoming.call(NOON, collector, Presentation.ALLOWED),
        new ScreeningContext(settings, RuleBook.indexed(List.of(), CN), ContactBook.empty(), history));
    assertThat(v.check()).isEqualTo("a-check");
  }

  private static Check fixed(String id, int priority, Action action) {
    return new Check() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public int priority() {
        return priority;
      }

      @Override
      public Verdict check(Incoming incoming, ScreeningContext context) {
        return new Verdict(action, id, null, null, new Reason(id, id), incoming.number());
      }
    };
  }
}
