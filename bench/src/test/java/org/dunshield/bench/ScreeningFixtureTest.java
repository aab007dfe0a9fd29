package org.dunshield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark data, at a small fraction of the exact rules and contacts so it runs in seconds: it must measure what
 * it claims (the intended mix really reaches the intended checks) and the two rule books it compares
 * must agree.
 */
class ScreeningFixtureTest {
  private static ScreeningFixture fixture;
  private static RuleBook indexed;

  @BeforeAll
  static void generate() {
    fixture = ScreeningFixture.generate(new ScreeningFixture.Sizes(2_000, 1_000, 1_000, 50));
    indexed = RuleBook.indexed(fixture.rules, fixture.numbers);
  }

  @Test
  void isTheSameForTheSameSizes() {
    ScreeningFixture.Sizes small = new ScreeningFixture.Sizes(1_000, 500, 200, 50);
    ScreeningFixture once = ScreeningFixture.generate(small);
    ScreeningFixture again = ScreeningFixture.generate(small);
    assertThat(again.raw).containsExactly(once.raw);
    assertThat(again.rules).isEqualTo(once.rules);
  }

  @Test
  void rawShapesNormaliseToTheSampleOnBothParserPaths() {
    for (int i = 0; i < fixture.raw.length; i++) {
      assertThat(fixture.numbers.parse(fixture.raw[i])).as(fixture.raw[i]).isEqualTo(fixture.sample[i]);
      assertThat(fixture.numbers.parseSlow(fixture.raw[i])).as(fixture.raw[i]).isEqualTo(fixture.sample[i]);
    }
  }

  @Test
  void indexedAndLinearBooksAgreeOnTheSample() {
    RuleBook linear = RuleBook.linear(fixture.rules, fixture.numbers);
    for (int i = 0; i < 512; i++) { // the linear book takes a while per number
      PhoneNumber n = fixture.sample[i];
      for (Channel channel : Channel.values()) {
        assertThat(indexed.match(n, channel, ScreeningFixture.AT, Settings.defaults().timezone()))
            .as(n + " " + channel)
            .isEqualTo(linear.match(n, channel, ScreeningFixture.AT, Settings.defaults().timezone()));
      }
    }
  }

  @Test
  void theMixReachesTheIntendedChecks() {
    ScreeningContext context = new ScreeningContext(Settings.defaults(), indexed, ContactBook.of(fixture.contacts),
        new InMemoryHistory());
    Screener screener = Screener.standard();
    Map<ScreeningFixture.Intent, Integer> asIntended = new EnumMap<>(ScreeningFixture.Intent.class);
    Map<ScreeningFixture.Intent, Integer> all = new EnumMap<>(ScreeningFixture.Intent.class);
    for (int i = 0; i < fixture.sample.length; i++) {
      Verdict v = screener.screen(Incoming.call(ScreeningFixture.AT, fixture.sample[i], Presentation.ALLOWED), context);
      ScreeningFixture.Intent intent = fixture.intents[i];
      boolean intended = switch (intent) {
        case EXACT_RULE -> v.check().equals("user-rule") && v.action() == Action.BLOCK;
        case PATTERN_RULE -> v.check().equals("user-rule");
        case CONTACT -> v.check().equals("contact");
        case UNKNOWN_MOBILE, LANDLINE -> v.check().equals("default") || v.check().equals("user-rule");
        case SERVICE -> v.check().equals("service-number") || v.check().equals("user-rule"); // *5588 blocks 95588
      };
      all.merge(intent, 1, Integer::sum);
      if (intended) {
        asIntended.merge(intent, 1, Integer::sum);
      }
    }
    assertThat(asIntended.get(ScreeningFixture.Intent.EXACT_RULE)).isEqualTo(all.get(ScreeningFixture.Intent.EXACT_RULE));
    assertThat(asIntended.get(ScreeningFixture.Intent.SERVICE)).isEqualTo(all.get(ScreeningFixture.Intent.SERVICE));
    assertThat(asIntended.get(ScreeningFixture.Intent.UNKNOWN_MOBILE))
        .isEqualTo(all.get(ScreeningFixture.Intent.UNKNOWN_MOBILE));
    assertThat(asIntended.get(ScreeningFixture.Intent.PATTERN_RULE))
        .isGreaterThan(all.get(ScreeningFixture.Intent.PATTERN_RULE) * 9 / 10);
    assertThat(asIntended.get(ScreeningFixture.Intent.CONTACT))
        .as("contacts reaching the contact check (a pattern rule may catch a few)")
        .isGreaterThan(all.get(ScreeningFixture.Intent.CONTACT) * 95 / 100);
  }
}
