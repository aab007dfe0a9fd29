package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final long T = 1_772_400_000_000L;
  private static final List<Truth.Row> TRUTH = List.of(
      new Truth.Row(Truth.Kind.ABUSIVE, 8616500000001L, "debt_collection", T, T + 9_000_000),
      new Truth.Row(Truth.Kind.ABUSIVE, 8617000000001L, "marketing", T, T + 9_000_000),
      new Truth.Row(Truth.Kind.LEGITIMATE, 864008000001L, "bank", T, T + 9_000_000),
      new Truth.Row(Truth.Kind.ATTACK, 8613000000001L, "call_bombing", T + 1_000_000, T + 1_600_000),
      new Truth.Row(Truth.Kind.ATTACK, 8613000000002L, "call_bombing", T + 2_000_000, T + 2_600_000),
      new Truth.Row(Truth.Kind.SOURCE, 8618800000001L, "call_bombing", T + 1_000_000, T + 1_600_000));

  @Test
  void countsTruePositivesFalsePositivesMissesDelaysAndLegitimateNumbersApart() {
    Scoring.Report r = Scoring.score(
        List.of(new Scoring.Flag(8616500000001L, "debt_collection", T + 60_000),
            new Scoring.Flag(8616500000001L, "debt_collection", T + 90_000),
            new Scoring.Flag(864008000001L, "marketing", T + 30_000),
            new Scoring.Flag(8618800000001L, "marketing", T + 1_200_000)),
        List.of(new Scoring.Alert(8613000000001L, T + 1_000_000, T + 1_045_000),
            new Scoring.Alert(8613000000002L, T + 2_000_000, T + 2_090_000),
            new Scoring.Alert(8613000000009L, T, T + 10)),
        TRUTH);
    assertThat(r.numbers().truePositives()).isEqualTo(1);
    assertThat(r.numbers().falsePositives()).isEqualTo(1);
    assertThat(r.numbers().falseNegatives()).isEqualTo(1);
    assertThat(r.numbers().precision()).isEqualTo(0.5);
    assertThat(r.numbers().recall()).isEqualTo(0.5);
    assertThat(r.legitimateFlagged()).isEqualTo(1);
    assertThat(r.categories().get("debt_collection").medianDelaySeconds()).isEqualTo(60.0);
    assertThat(r.categories().get("marketing").falseNegatives()).isEqualTo(1);
    assertThat(r.attackCount()).isEqualTo(2);
    assertThat(r.attacksWithin60s()).isEqualTo(1);
    assertThat(r.falseAlerts()).isEqualTo(1);
    String json = Scoring.toJson(r);
    assertThat(json).startsWith("{\"precision\":0.5,\"recall\":0.5,\"f1\":0.5,\"legitimate_flagged\":1,")
        .contains("\"categories\":{").contains("\"call_bombing\":{");
  }
}
