package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import java.util.List;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/** Fake accounts and floods do not move a label past the threshold. */
class PoisoningTest {
  private final Community community = new Community();
  private final double threshold = community.reputations.policy().threshold();
  private final PhoneNumber bank = number("021 5555 0101");

  private void bankHasTrustedCounterReports() {
    community.reportAll(community.established("customer", 3, Duration.ofDays(400)), bank, Category.INSTITUTION);
    assertThat(community.lookup(bank).category()).isEqualTo(Category.INSTITUTION);
    assertThat(community.lookup(bank).settled(threshold)).isTrue();
  }

  private List<String> freshAccounts(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> "sybil-" + i).toList();
  }

  @Test
  void fiftyFreshAccountsReportingABankAsFraudDoNotFlipIt() {
    bankHasTrustedCounterReports();
    community.clock.advance(Duration.ofMinutes(5));
    community.reportAll(freshAccounts(50), bank, Category.FRAUD);

    Reputation r = community.lookup(bank);
    assertThat(r.category()).isEqualTo(Category.INSTITUTION);
    assertThat(r.reporters()).isEqualTo(53);
    assertThat(r.harmful()).isFalse();
    assertThat(new ReputationCheck(community.reputations, threshold, 550)
        .check(org.dunshield.core.screen.Incoming.call(community.clock.instant(), bank,
            org.dunshield.core.event.Presentation.ALLOWED), null)).isNull();
  }

  @Test
  void fiftyFreshAccountsAloneCannotSettleALabel() {
    PhoneNumber stranger = number("138 0013 8000");
    community.reportAll(freshAccounts(50), stranger, Category.FRAUD);
    Reputation r = community.lookup(stranger);
    assertThat(r.category()).isEqualTo(Category.FRAUD);
    assertThat(r.score()).isLessThan(threshold);
  }

  @Test
  void fiftyAccountsThatWaitToMatureStillDoNotFlipASettledBank() {
    bankHasTrustedCounterReports();
    community.reportAll(freshAccounts(50), bank, Category.FRAUD);
    community.clock.advance(Duration.ofDays(60)); // the sybils are established now; the counter-reports aged
    assertThat(community.lookup(bank).harmful()).isFalse();
    // and the sybils were each counted as contradicted, so they weigh less everywhere
    Reporter sybil = community.repository.reporter("sybil-7").orElseThrow();
    assertThat(sybil.contradicted()).isEqualTo(1);
    assertThat(community.reputations.policy().trust(sybil, community.clock.instant()))
        .isLessThan(community.reputations.policy().establishedTrust() / 2);
  }

  @Test
  void aVouchedCounterReportContradictsEarlierUnvouchedFraudReports() {
    community.reportAll(freshAccounts(10), bank, Category.FRAUD);
    community.reputations.vouch("bank-verified", true);
    community.reputations.report(bank, Category.INSTITUTION, "this is our branch line", "bank-verified");
    assertThat(community.repository.reporter("sybil-3").orElseThrow().contradicted()).isEqualTo(1);
    assertThat(community.lookup(bank).category()).isEqualTo(Category.INSTITUTION);
  }

  @Test
  void oneAccountReportingTenThousandTimesCountsOnce() {
    PhoneNumber collector = number("171 8888 0001");
    community.established("honest", 1, Duration.ofDays(400));
    Reputation once = null;
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      try {
        community.reputations.report(collector, Category.DEBT_COLLECTION, "", "honest-0");
      } catch (ReportRefusedException e) {
        assertThat(e.reason()).isEqualTo(ReportRefusedException.Reason.DUPLICATE);
        refused++;
      }
      if (i == 0) {
        once = community.lookup(collector);
      }
      community.clock.advance(Duration.ofSeconds(1));
    }
    assertThat(refused).isEqualTo(9_999);
    Reputation after = community.lookup(collector);
    assertThat(after.reporters()).isEqualTo(1);
    assertThat(after.supporters()).isEqualTo(1);
    assertThat(after.score()).isLessThanOrEqualTo(once.score());
    assertThat(community.repository.countReports()).isEqualTo(1);
  }

  @Test
  void changingTheCategoryReplacesTheReportInsteadOfAddingOne() {
    PhoneNumber collector = number("171 8888 0001");
    for (int i = 0; i < 1_000; i++) {
      Category c = i % 2 == 0 ? Category.DEBT_COLLECTION : Category.THREAT;
      ReportOutcome outcome = community.reputations.report(collector, c, "", "flip-flopper");
      assertThat(outcome).isEqualTo(i == 0 ? ReportOutcome.ACCEPTED : ReportOutcome.REPLACED);
    }
    assertThat(community.lookup(collector).reporters()).isEqualTo(1);
    assertThat(community.repository.countReports()).isEqualTo(1);
  }

  @Test
  void aNewcomerMayReportTwentyNumbersADayAndNoMore() {
    for (int i = 0; i < 20; i++) {
      community.reputations.report(number("1718888" + String.format("%04d", i)), Category.DEBT_COLLECTION, "", "eager");
    }
    ReportRefusedException e = catchThrowableOfType(ReportRefusedException.class, () ->
        community.reputations.report(number("17188889999"), Category.DEBT_COLLECTION, "", "eager"));
    assertThat(e.reason()).isEqualTo(ReportRefusedException.Reason.RATE_LIMITED);
    assertThat(e.getMessage()).contains("eager", "20", "newcomer");
    community.clock.advance(Duration.ofHours(25));
    assertThat(community.reputations.report(number("17188889999"), Category.DEBT_COLLECTION, "", "eager"))
        .isEqualTo(ReportOutcome.ACCEPTED);
  }

  @Test
  void vouchedReportersAndTheLocalUserHaveNoDailyLimit() {
    for (int i = 0; i < 150; i++) {
      community.reputations.report(number("1718888" + String.format("%04d", i)), Category.DEBT_COLLECTION, "",
          Reputations.LOCAL_REPORTER);
    }
    assertThat(community.repository.countReports()).isEqualTo(150);
  }

  @Test
  void malformedReportsAreRefusedWithTheReason() {
    PhoneNumber n = number("171 8888 0001");
    assertThatThrownBy(() -> community.reputations.report(n, Category.FRAUD, "x".repeat(281), "someone"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("280");
    assertThatThrownBy(() -> community.reputations.report(n, Category.FRAUD, "", "has space"))
        .hasMessageContaining("reporter id");
    assertThatThrownBy(() -> community.reputations.report(n, Category.FRAUD, "line\nbreak", "someone"))
        .hasMessageContaining("line breaks");
  }
}
