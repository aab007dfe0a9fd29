package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReputationRepository} must do. Store modules extend it with their own
 * {@link #emptyRepository()} (a fresh, empty store per test).
 */
public abstract class ReputationRepositoryContract {
  protected static final NumberParser CN = NumberParser.forRegion("CN");
  protected static final Instant T0 = Instant.parse("2026-10-14T02:00:00Z");
  protected static final PhoneNumber COLLECTOR = CN.parse("17188880001");
  protected static final PhoneNumber NEIGHBOUR = CN.parse("17188880002");
  protected static final PhoneNumber FAR = CN.parse("13800138000");
  protected static final PhoneNumber BANK = CN.parse("95588");

  protected abstract ReputationRepository emptyRepository();

  private static Report report(PhoneNumber n, Category c, String reporter, long minutes) {
    return new Report(n, c, "comment by " + reporter, reporter, T0.plusSeconds(60 * minutes));
  }

  @Test
  void aReportIsFoundAgainAndANewOneReplacesIt() {
    ReputationRepository repo = emptyRepository();
    Reporter alice = Reporter.fresh("alice", T0);
    repo.record(report(COLLECTOR, Category.FRAUD, "alice", 0), List.of(alice));
    repo.record(report(COLLECTOR, Category.DEBT_COLLECTION, "alice", 5).withContested(true), List.of(alice.confirmedOnce()));
    Report found = repo.find(COLLECTOR, "alice").orElseThrow();
    assertThat(found).isEqualTo(report(COLLECTOR, Category.DEBT_COLLECTION, "alice", 5).withContested(true));
    assertThat(found.number().kind()).isEqualTo(COLLECTOR.kind());
    assertThat(repo.reportsOn(COLLECTOR)).containsExactly(found);
    assertThat(repo.countReports()).isEqualTo(1);
    assertThat(repo.reporter("alice")).contains(alice.confirmedOnce());
    assertThat(repo.find(COLLECTOR, "bob")).isEmpty();
  }

  @Test
  void reportsOnANumberComeOldestFirstAndRangesByDigits() {
    ReputationRepository repo = emptyRepository();
    repo.record(report(NEIGHBOUR, Category.FRAUD, "carol", 3), List.of());
    repo.record(report(COLLECTOR, Category.FRAUD, "bob", 2), List.of());
    repo.record(report(COLLECTOR, Category.THREAT, "alice", 1), List.of());
    repo.record(report(FAR, Category.MARKETING, "alice", 1), List.of());
    assertThat(repo.reportsOn(COLLECTOR)).extracting(Report::reporter).containsExactly("alice", "bob");
    assertThat(repo.reportsBetween(COLLECTOR.digits() - 1, NEIGHBOUR.digits()))
        .extracting(r -> r.number().e164(), Report::reporter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("+8617188880001", "alice"),
            org.assertj.core.groups.Tuple.tuple("+8617188880001", "bob"),
            org.assertj.core.groups.Tuple.tuple("+8617188880002", "carol"));
    assertThat(repo.reportsBetween(1, 2)).isEmpty();
  }

  @Test
  void countsAReportersReportsSinceAMoment() {
    ReputationRepository repo = emptyRepository();
    repo.record(report(COLLECTOR, Category.FRAUD, "alice", 0), List.of());
    repo.record(report(NEIGHBOUR, Category.FRAUD, "alice", 10), List.of());
    repo.record(report(FAR, Category.FRAUD, "bob", 10), List.of());
    assertThat(repo.countSince("alice", T0)).isEqualTo(2);
    assertThat(repo.countSince("alice", T0.plusSeconds(60))).isEqualTo(1);
    assertThat(repo.countSince("nobody", T0)).isZero();
  }

  @Test
  void everyNumberIsVisitedOnceInOrderOfDigits() {
    ReputationRepository repo = emptyRepository();
    repo.record(report(NEIGHBOUR, Category.FRAUD, "a", 0), List.of());
    repo.record(report(BANK, Category.INSTITUTION, "a", 0), List.of());
    repo.record(report(COLLECTOR, Category.FRAUD, "a", 0), List.of());
    repo.record(report(COLLECTOR, Category.FRAUD, "b", 1), List.of());
    List<String> seen = new ArrayList<>();
    repo.forEachNumber(group -> {
      assertThat(group).extracting(Report::number).containsOnly(group.get(0).number());
      seen.add(group.get(0).number().e164() + "x" + group.size());
    });
    assertThat(seen).containsExactly("+8695588x1", "+8617188880001x2", "+8617188880002x1");
  }

  @Test
  void importIsAllOrNothing() {
    ReputationRepository repo = emptyRepository();
    List<Report> batch = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      batch.add(new Report(CN.parse(String.format("1718888%04d", i)), Category.DEBT_COLLECTION, "", "seed:x", T0));
    }
    repo.importAll(batch, List.of(Reporter.fresh("seed:x", T0).withVouched(true)));
    assertThat(repo.countReports()).isEqualTo(2_000);
    assertThat(repo.reporter("seed:x").orElseThrow().vouched()).isTrue();

    List<Report> broken = new ArrayList<>(batch.subList(0, 10));
    broken.replaceAll(r -> new Report(r.number(), Category.FRAUD, "", "seed:y", T0));
    broken.add(null); // a failure halfway through
    assertThatThrownBy(() -> repo.importAll(broken, List.of(Reporter.fresh("seed:y", T0))))
        .isInstanceOf(RuntimeException.class);
    assertThat(repo.countReports()).isEqualTo(2_000);
    assertThat(repo.reporter("seed:y")).isEmpty();
  }

  @Test
  void reportersAreSavedAndFoundByIds() {
    ReputationRepository repo = emptyRepository();
    Reporter a = new Reporter("a", T0, true, 3, 1);
    Reporter b = Reporter.fresh("b", T0.plusSeconds(1));
    repo.saveReporters(List.of(a, b));
    repo.saveReporters(List.of(b.contradictedOnce()));
    assertThat(repo.reporters(Set.of("a", "b", "c"))).isEqualTo(Map.of("a", a, "b", b.contradictedOnce()));
    assertThat(repo.allReporters()).containsExactlyInAnyOrder(a, b.contradictedOnce());
    assertThat(repo.reporters(Set.of())).isEmpty();
  }

  @Test
  void disputesOpenAndResolveAtomically() {
    ReputationRepository repo = emptyRepository();
    repo.record(report(COLLECTOR, Category.FRAUD, "a", 0), List.of(Reporter.fresh("a", T0)));
    repo.record(report(COLLECTOR, Category.NORMAL, "b", 0), List.of());
    Dispute open = new Dispute(0, COLLECTOR, "owner", "it is mine", T0, Dispute.State.OPEN, null, null);
    long id = repo.openDispute(open);
    assertThat(id).isEqualTo(1);
    assertThat(repo.openDisputeOn(COLLECTOR)).contains(open.withId(1));
    assertThat(repo.openDisputeOn(NEIGHBOUR)).isEmpty();
    Dispute upheld = new Dispute(1, COLLECTOR, "owner", "it is mine", T0, Dispute.State.UPHELD, T0.plusSeconds(9),
        Category.INSTITUTION);
    Report moderation = new Report(COLLECTOR, Category.INSTITUTION, "dispute #1 upheld", "moderation", T0.plusSeconds(9));
    repo.resolveDispute(upheld, List.of(report(COLLECTOR, Category.FRAUD, "a", 0)), moderation,
        List.of(Reporter.fresh("a", T0).contradictedOnce()));
    assertThat(repo.dispute(1)).contains(upheld);
    assertThat(repo.openDisputeOn(COLLECTOR)).isEmpty();
    assertThat(repo.disputes()).containsExactly(upheld);
    assertThat(repo.reportsOn(COLLECTOR)).extracting(Report::reporter).containsExactlyInAnyOrder("b", "moderation");
    assertThat(repo.reporter("a").orElseThrow().contradicted()).isEqualTo(1);
    assertThat(repo.openDispute(open)).isEqualTo(2);
  }

  @Test
  void settingsAreKept() {
    ReputationRepository repo = emptyRepository();
    assertThat(repo.settings()).isEmpty();
    repo.saveSetting("threshold", "0.7");
    repo.saveSetting("threshold", "0.8");
    repo.saveSetting("priority", "600");
    assertThat(repo.settings()).isEqualTo(Map.of("threshold", "0.8", "priority", "600"));
  }

  @Test
  void unicodeCommentsSurvive() {
    ReputationRepository repo = emptyRepository();
    Report r = new Report(COLLECTOR, Category.THREAT, "威胁要打给我父母 😡", "a", T0);
    repo.record(r, List.of());
    assertThat(repo.find(COLLECTOR, "a")).contains(r);
  }
}
