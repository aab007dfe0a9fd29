package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkGeneratorTest {
  static List<Cdr> calls = new ArrayList<>();
  static List<Truth.Row> truth;

  @BeforeAll
  static void generate() throws Exception {
    truth = new NetworkGenerator(10_000, 2, 3, NetworkGenerator.DEFAULT_START).generate(calls::add);
  }

  @Test
  void theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() throws Exception {
    List<Cdr> again = new ArrayList<>();
    assertThat(new NetworkGenerator(10_000, 2, 3, NetworkGenerator.DEFAULT_START).generate(again::add)).isEqualTo(truth);
    assertThat(again).isEqualTo(calls);
    List<Cdr> other = new ArrayList<>();
    new NetworkGenerator(10_000, 2, 4, NetworkGenerator.DEFAULT_START).generate(other::add);
    assertThat(other).isNotEqualTo(calls);
  }

  @Test
  void callsComeInStartTimeOrderWithinTheDays() {
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).start()).isGreaterThanOrEqualTo(calls.get(i - 1).start());
    }
    assertThat(calls.get(0).start()).isGreaterThanOrEqualTo(NetworkGenerator.DEFAULT_START);
    assertThat(calls).hasSizeBetween(80_000, 160_000);
  }

  @Test
  void theTruthNamesEveryKindOfActorWithItsFirstAndLastCall() {
    assertThat(truth).extracting(Truth.Row::category)
        .contains("debt_collection", "marketing", "one_ring", "call_bombing", "bank", "courier", "hospital", "call_centre");
    for (Truth.Row r : truth) {
      if (r.kind() == Truth.Kind.ABUSIVE || r.kind() == Truth.Kind.LEGITIMATE) {
        assertThat(calls).anyMatch(c -> c.caller() == r.number() && c.start() == r.start());
      }
      assertThat(r.end()).isGreaterThanOrEqualTo(r.start());
    }
  }

  @Test
  void aCollectorCallsTheContactCircleOfOneOfItsBorrowers() {
    SocialGraph graph = new SocialGraph(10_000, 3);
    Truth.Row collector = truth.stream().filter(r -> r.category().equals("debt_collection")).findFirst().orElseThrow();
    List<Long> callees = calls.stream().filter(c -> c.caller() == collector.number()).map(Cdr::callee).toList();
    boolean blasted = false;
    for (long callee : callees) {
      int[] circle = graph.contacts((int) (callee - NetworkGenerator.SUBSCRIBER_BASE));
      long hits = java.util.Arrays.stream(circle).filter(c -> callees.contains(NetworkGenerator.SUBSCRIBER_BASE + c)).count();
      blasted |= hits >= 10;
    }
    assertThat(blasted).isTrue();
  }

  @Test
  void sizesOutsideTheDocumentedRangeAreRefused() {
    assertThatThrownBy(() -> new NetworkGenerator(9_999, 7, 1, 0)).hasMessageContaining("10,000");
    assertThatThrownBy(() -> new NetworkGenerator(10_000, 61, 1, 0)).hasMessageContaining("days");
  }
}
