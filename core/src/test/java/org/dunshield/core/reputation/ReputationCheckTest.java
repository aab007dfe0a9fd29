package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.reputation.Community.CN;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;

/** The reputation check inside the standard engine. */
class ReputationCheckTest {
  private final Community community = new Community();
  private final PhoneNumber collector = number("171 8888 0001");
  private final List<Rule> rules = new ArrayList<>();
  private final Set<PhoneNumber> contacts = new java.util.HashSet<>();
  private final Screener screener =
      Screener.standard(List.of(new ReputationCheck(community.reputations, 0.6, ReputationCheck.DEFAULT_PRIORITY)));

  private void reported(PhoneNumber n, Category category, int reporters) {
    community.reportAll(community.established("victim-" + n.e164(), reporters, Duration.ofDays(400)), n, category);
  }

  private Verdict call(PhoneNumber n) {
    return screener.screen(Incoming.call(community.clock.instant(), n, Presentation.ALLOWED), context());
  }

  private ScreeningContext context() {
    return new ScreeningContext(Settings.defaults(), RuleBook.indexed(rules, CN), ContactBook.of(contacts),
        new InMemoryHistory());
  }

  @Test
  void aSettledCollectorIsBlockedWithCategoryAndCount() {
    reported(collector, Category.DEBT_COLLECTION, 7);
    Verdict v = call(collector);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.check()).isEqualTo("reputation");
    assertThat(v.category()).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(v.reason().en()).isEqualTo("debt collection — 7 reports");
    assertThat(v.number()).isEqualTo(collector);
  }

  @Test
  void theScreeningLookupSkipsAnEmptyStoreAndSeesAFirstReportWithinTheRecheck() {
    ReputationLookup screening = community.reputations.forScreening(Duration.ofSeconds(2));
    assertThat(screening.lookup(collector, community.clock.instant()).harmful()).isFalse();

    reported(collector, Category.DEBT_COLLECTION, 7);
    assertThat(screening.lookup(collector, community.clock.instant()).harmful())
        .as("the store was empty a moment ago").isFalse();
    community.clock.advance(Duration.ofSeconds(2));

    Reputation seen = screening.lookup(collector, community.clock.instant());
    assertThat(seen).isEqualTo(community.reputations.lookup(collector, community.clock.instant()));
    assertThat(seen.harmful()).isTrue();
  }

  @Test
  void contactsAndAllowRulesStillWin() {
    reported(collector, Category.DEBT_COLLECTION, 7);
    contacts.add(collector);
    assertThat(call(collector).check()).isEqualTo("contact");
    contacts.clear();
    rules.add(new RuleParser(CN).parse(Action.ALLOW, MatchKind.EXACT, "17188880001", ChannelScope.BOTH, 0, "", null)
        .withId(1));
    assertThat(call(collector).check()).isEqualTo("user-rule");
  }

  @Test
  void serviceNumbersAreNeverTakenForSpam() {
    PhoneNumber bank = number("95588");
    reported(bank, Category.FRAUD, 9);
    assertThat(call(bank).check()).isEqualTo("service-number");
  }

  @Test
  void smsAndMarketingAreSilencedNotBlocked() {
    reported(collector, Category.DEBT_COLLECTION, 7);
    Verdict sms = screener.screen(Incoming.sms(community.clock.instant(), collector, "还款"), context());
    assertThat(sms.action()).isEqualTo(Action.SILENCE);
    PhoneNumber ads = number("138 0013 8000");
    reported(ads, Category.MARKETING, 5);
    assertThat(call(ads).action()).isEqualTo(Action.SILENCE);
    assertThat(call(ads).reason().zh()).isEqualTo("营销推广 — 5 人举报");
  }

  @Test
  void benignUnsettledAndHiddenCallersAreLeftToLowerChecks() {
    PhoneNumber courier = number("138 0013 8000");
    reported(courier, Category.DELIVERY, 5);
    assertThat(call(courier).check()).isEqualTo("default");
    reported(collector, Category.DEBT_COLLECTION, 1);
    assertThat(call(collector).check()).as("one established reporter is not enough").isEqualTo("default");
    assertThat(screener.screen(Incoming.call(community.clock.instant(), null, Presentation.RESTRICTED), context())
        .check()).isEqualTo("default");
  }

  @Test
  void theThresholdAndPriorityAreConfigurable() {
    reported(collector, Category.DEBT_COLLECTION, 1); // score 0.6 / 1.1
    ReputationCheck lenient = new ReputationCheck(community.reputations, 0.5, 720);
    assertThat(lenient.priority()).isEqualTo(720);
    assertThat(lenient.check(Incoming.call(community.clock.instant(), collector, Presentation.ALLOWED), context())
        .action()).isEqualTo(Action.BLOCK);
  }
}
