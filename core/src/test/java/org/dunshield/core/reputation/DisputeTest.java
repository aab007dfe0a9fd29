package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import java.util.List;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Incoming;
import org.junit.jupiter.api.Test;

/** The owner of a wrongly labelled number can dispute the label. */
class DisputeTest {
  private final Community community = new Community();
  private final PhoneNumber shop = number("138 0013 8000");
  private final List<String> accusers = community.established("accuser", 4, Duration.ofDays(400));

  private Action screen() {
    var v = new ReputationCheck(community.reputations, 0.6, 550)
        .check(Incoming.call(community.clock.instant(), shop, Presentation.ALLOWED), null);
    return v == null ? null : v.action();
  }

  @Test
  void anOpenDisputeSilencesInsteadOfBlocking() {
    community.reportAll(accusers, shop, Category.FRAUD);
    assertThat(screen()).isEqualTo(Action.BLOCK);
    Dispute d = community.reputations.dispute(shop, "shop-owner", "this is my flower shop's line since 2019");
    assertThat(d.id()).isEqualTo(1);
    assertThat(community.lookup(shop).disputed()).isTrue();
    assertThat(screen()).isEqualTo(Action.SILENCE);
  }

  @Test
  void anUpheldDisputeWithdrawsTheHarmfulReportsAndCountsAgainstTheirReporters() {
    community.reportAll(accusers, shop, Category.FRAUD);
    Dispute d = community.reputations.dispute(shop, "shop-owner", "my shop");
    Dispute done = community.reputations.resolve(d.id(), true, Category.NORMAL);
    assertThat(done.state()).isEqualTo(Dispute.State.UPHELD);
    Reputation r = community.lookup(shop);
    assertThat(r.category()).isEqualTo(Category.NORMAL);
    assertThat(r.disputed()).isFalse();
    assertThat(r.reporters()).isEqualTo(1);
    assertThat(screen()).isNull();
    assertThat(community.repository.reporter("accuser-0").orElseThrow().contradicted()).isEqualTo(1);
    assertThatThrownBy(() -> community.reputations.resolve(d.id(), false, null)).hasMessageContaining("already upheld");
  }

  @Test
  void aRejectedDisputeChangesNothing() {
    community.reportAll(accusers, shop, Category.FRAUD);
    Dispute d = community.reputations.dispute(shop, "shop-owner", "my shop");
    community.reputations.resolve(d.id(), false, null);
    assertThat(screen()).isEqualTo(Action.BLOCK);
    assertThat(community.repository.reporter("accuser-0").orElseThrow().contradicted()).isZero();
  }

  @Test
  void oneOpenDisputePerNumberAndAStatementIsRequired() {
    community.reputations.dispute(shop, "shop-owner", "my shop");
    assertThatThrownBy(() -> community.reputations.dispute(shop, "shop-owner", "again"))
        .hasMessageContaining("already has an open dispute, #1");
    assertThatThrownBy(() -> community.reputations.dispute(number("13900005678"), "x", " "))
        .hasMessageContaining("statement");
    assertThatThrownBy(() -> community.reputations.resolve(99, true, null)).hasMessageContaining("no dispute #99");
    assertThatThrownBy(() -> community.reputations.resolve(1, true, Category.FRAUD)).hasMessageContaining("benign");
  }
}
