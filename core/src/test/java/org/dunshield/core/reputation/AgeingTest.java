package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

/** Reports age with the half-life, so numbers that changed hands recover. */
class AgeingTest {
  private final PhoneNumber collector = number("171 8888 0001");

  private Verdict screen(Community c) {
    return new ReputationCheck(c.reputations, c.reputations.policy().threshold(), ReputationCheck.DEFAULT_PRIORITY)
        .check(Incoming.call(c.clock.instant(), collector, Presentation.ALLOWED), null);
  }

  @Test
  void aNumberNotReportedForAYearFallsBelowTheThreshold() {
    Community c = new Community();
    c.reportAll(c.established("victim", 312, Duration.ofDays(400)), collector, Category.DEBT_COLLECTION);
    Verdict now = screen(c);
    assertThat(now.action()).isEqualTo(Action.BLOCK);
    assertThat(now.reason().en()).isEqualTo("debt collection — 312 reports");
    assertThat(now.reason().zh()).isEqualTo("催收 — 312 人举报");

    c.clock.advance(Duration.ofDays(365));
    Reputation aged = c.lookup(collector);
    assertThat(aged.category()).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(aged.reporters()).isEqualTo(312);
    assertThat(aged.score()).isLessThan(c.reputations.policy().threshold());
    assertThat(screen(c)).isNull();
  }

  @Test
  void aNumberReportedEveryMonthStaysSettled() {
    Community c = new Community();
    for (int month = 0; month < 12; month++) {
      c.reportAll(c.established("victim-" + month, 3, Duration.ofDays(400)), collector, Category.DEBT_COLLECTION);
      c.clock.advance(Duration.ofDays(30));
    }
    assertThat(screen(c).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void theHalfLifeIsConfigurable() {
    Community quick = new Community(ReputationPolicy.defaults().withHalfLife(Duration.ofDays(10)));
    quick.reportAll(quick.established("victim", 40, Duration.ofDays(400)), collector, Category.DEBT_COLLECTION);
    quick.clock.advance(Duration.ofDays(40));
    assertThat(screen(quick)).isNull();

    Community slow = new Community(ReputationPolicy.defaults().withHalfLife(Duration.ofDays(365)));
    slow.reportAll(slow.established("victim", 40, Duration.ofDays(400)), collector, Category.DEBT_COLLECTION);
    slow.clock.advance(Duration.ofDays(40));
    assertThat(screen(slow).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void decayHalvesEachHalfLife() {
    ReputationPolicy p = ReputationPolicy.defaults();
    assertThat(p.decay(Duration.ZERO)).isEqualTo(1.0);
    assertThat(p.decay(Duration.ofDays(90))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.decay(Duration.ofDays(180))).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
  }
}
