package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

class SipMetricsTest {
  @Test
  void countsDecisionsAndBucketsTheirLatencyCumulatively() {
    SipMetrics m = new SipMetrics();
    m.decided(Action.ALLOW, 300_000); // 0.3 ms
    m.decided(Action.BLOCK, 1_500_000); // 1.5 ms
    m.decided(Action.BLOCK, 3_000_000_000L); // 3 s: only +Inf
    m.countRecorded();
    m.countRecorded();

    String text = m.prometheus();

    assertThat(m.screened()).isEqualTo(3);
    assertThat(m.decisions(Action.BLOCK)).isEqualTo(2);
    assertThat(m.recorded()).isEqualTo(2);
    assertThat(text).contains("dunshield_sip_calls_screened_total 3\n", "dunshield_sip_calls_recorded_total 2\n",
        "dunshield_sip_decisions_total{action=\"allow\"} 1\n",
        "dunshield_sip_decisions_total{action=\"silence\"} 0\n",
        "dunshield_sip_decisions_total{action=\"block\"} 2\n",
        "dunshield_sip_decision_seconds_bucket{le=\"0.0005\"} 1\n",
        "dunshield_sip_decision_seconds_bucket{le=\"0.002\"} 2\n",
        "dunshield_sip_decision_seconds_bucket{le=\"1\"} 2\n",
        "dunshield_sip_decision_seconds_bucket{le=\"+Inf\"} 3\n",
        "dunshield_sip_decision_seconds_sum 3.001800\n",
        "dunshield_sip_decision_seconds_count 3\n");
  }
}
