package org.dunshield.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.core.reputation.Community.number;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

/** Many settled numbers in one block label the block, so fresh numbers from it are recognised. */
class BlockAggregationTest {
  private final Community community = new Community();
  private final List<String> victims = community.established("victim", 2, Duration.ofDays(400));

  private void settle(String raw, Category category) {
    community.reportAll(victims, number(raw), category);
  }

  private Verdict screen(PhoneNumber n) {
    return new ReputationCheck(community.reputations, 0.6, ReputationCheck.DEFAULT_PRIORITY)
        .check(Incoming.call(community.clock.instant(), n, Presentation.ALLOWED), null);
  }

  @Test
  void aFreshNumberInAHeavilyReportedBlockOf100IsFlaggedBeforeItsFirstReport() {
    for (String n : List.of("17188880001", "17188880017", "17188880042", "17188880063", "17188880088")) {
      settle(n, Category.DEBT_COLLECTION);
    }
    PhoneNumber fresh = number("17188880099");
    Reputation r = community.lookup(fresh);
    assertThat(r.reporters()).isZero();
    assertThat(r.source()).isEqualTo(Reputation.Source.BLOCK_100);
    assertThat(r.category()).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(r.block().pattern()).isEqualTo("+86171888800xx");
    assertThat(r.block().flagged()).isEqualTo(5);

    Verdict v = screen(fresh);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.reason().en()).isEqualTo("debt collection — block +86171888800xx: 5 numbers reported");
    assertThat(v.reason().zh()).isEqualTo("催收 — 号段 +86171888800xx 已有 5 个号码被举报");
    assertThat(screen(number("17188880199"))).as("the next block of 100").isNull();
  }

  @Test
  void aBlockOf10000IsLabelledWhenReportsSpreadOverIt() {
    List<String> spread = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      spread.add(String.format("1718888%02d%02d", i * 3, i)); // 25 blocks of 100, one number each
    }
    spread.forEach(n -> settle(n, Category.FRAUD));
    Reputation r = community.lookup(number("17188889950"));
    assertThat(r.source()).isEqualTo(Reputation.Source.BLOCK_10000);
    assertThat(r.block().pattern()).isEqualTo("+861718888xxxx");
    assertThat(r.category()).isEqualTo(Category.FRAUD);
    assertThat(screen(number("17188899950"))).as("another block of 10,000").isNull();
  }

  @Test
  void tooFewReportedNumbersLabelNothing() {
    for (String n : List.of("17188880001", "17188880017", "17188880042")) {
      settle(n, Category.DEBT_COLLECTION);
    }
    assertThat(community.lookup(number("17188880099")).category()).isNull();
  }

  @Test
  void benignNumbersInTheBlockKeepItUnlabelled() {
    for (String n : List.of("17188880001", "17188880017", "17188880042", "17188880063", "17188880088")) {
      settle(n, Category.DEBT_COLLECTION);
    }
    for (String n : List.of("17188880002", "17188880003")) {
      settle(n, Category.DELIVERY);
    }
    assertThat(community.lookup(number("17188880099")).category()).isNull();
  }

  @Test
  void aNumberSettledAsBenignKeepsItsOwnLabelInsideALabelledBlock() {
    for (String n : List.of("17188880001", "17188880017", "17188880042", "17188880063", "17188880088")) {
      settle(n, Category.DEBT_COLLECTION);
    }
    List<String> more = community.established("courier-customer", 4, Duration.ofDays(400));
    community.reportAll(more, number("17188880050"), Category.DELIVERY);
    Reputation r = community.lookup(number("17188880050"));
    assertThat(r.source()).isEqualTo(Reputation.Source.NUMBER);
    assertThat(r.category()).isEqualTo(Category.DELIVERY);
  }

  @Test
  void publishingEmitsTheSameBlockLabelsThatLookupsUse() {
    for (String n : List.of("17188880001", "17188880017", "17188880042", "17188880063", "17188880088")) {
      settle(n, Category.DEBT_COLLECTION);
    }
    List<Reputation> numbers = new ArrayList<>();
    List<BlockLabel> blocks = new ArrayList<>();
    community.reputations.publish(community.clock.instant(), numbers::add, blocks::add);
    assertThat(numbers).hasSize(5);
    assertThat(numbers).isSortedAccordingTo(java.util.Comparator.comparingLong(r -> r.number().digits()));
    assertThat(blocks).singleElement().satisfies(b -> {
      assertThat(b.size()).isEqualTo(100);
      assertThat(b.pattern()).isEqualTo("+86171888800xx");
      assertThat(b).isEqualTo(community.lookup(number("17188880099")).block());
    });
  }

  @Test
  void shortNumbersBelongToNoBlock() {
    assertThat(BlockLabel.prefixOf(number("95588").digits(), 100)).isEqualTo(-1);
    assertThat(BlockLabel.prefixOf(number("17188880099").digits(), 100)).isEqualTo(86171888800L);
  }
}
