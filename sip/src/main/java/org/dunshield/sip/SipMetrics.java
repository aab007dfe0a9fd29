package org.dunshield.sip;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.dunshield.core.screen.Action;

/**
 * What the service counts: calls screened, decisions by action, the decision latency (from the
 * INVITE reaching the service to the verdict, history write included) as a histogram, calls whose
 * callee mapped to nobody, requests that failed inside the service, calls refused for overload and
 * responses relayed without a transaction. Rendered in the Prometheus
 * text format by {@link #prometheus()}. Thread-safe and lock-free.
 */
public final class SipMetrics {
  /** Upper bounds of the latency buckets, in seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

  private final LongAdder screened = new LongAdder();
  private final Map<Action, LongAdder> decisions = new EnumMap<>(Action.class);
  private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAdder unmapped = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder overloaded = new LongAdder();
  private final LongAdder recorded = new LongAdder();
  private final LongAdder stray = new LongAdder();

  SipMetrics() {
    for (Action a : Action.values()) {
      decisions.put(a, new LongAdder());
    }
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  void decided(Action action, long nanos) {
    screened.increment();
    decisions.get(action).increment();
    latencyNanos.add(nanos);
    double seconds = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        buckets[i].increment();
        break;
      }
    }
  }

  void unmapped() {
    unmapped.increment();
  }

  void failed() {
    failures.increment();
  }

  void overloaded() {
    overloaded.increment();
  }

  void stray() {
    stray.increment();
  }

  /**
   * Responses that matched no transaction of ours (a callee's 2xx retransmitted after its INVITE
   * transaction ended, a late answer), relayed statelessly.
   */
  public long strayResponses() {
    return stray.sum();
  }

  void countRecorded() {
    recorded.increment();
  }

  /** Screened calls written to the history (each is written right after it is answered). */
  public long recorded() {
    return recorded.sum();
  }

  /** INVITEs answered 503 because the screening queue was full. */
  public long overloadedCalls() {
    return overloaded.sum();
  }

  /** Calls screened since start. */
  public long screened() {
    return screened.sum();
  }

  /** Decisions with {@code action} since start. */
  public long decisions(Action action) {
    return decisions.get(action).sum();
  }

  /** Calls whose callee mapped to no user. */
  public long unmappedCallees() {
    return unmapped.sum();
  }

  /** Requests the service could not handle because of an error of its own (answered 500). */
  public long failures() {
    return failures.sum();
  }

  /** The metrics in the Prometheus text exposition format (version 0.0.4). */
  public String prometheus() {
    StringBuilder out = new StringBuilder(1024);
    out.append("# HELP dunshield_sip_calls_recorded_total Screened calls written to the history.\n")
        .append("# TYPE dunshield_sip_calls_recorded_total counter\n")
        .append("dunshield_sip_calls_recorded_total ").append(recorded.sum()).append('\n');
    out.append("# HELP dunshield_sip_calls_screened_total INVITEs screened.\n")
        .append("# TYPE dunshield_sip_calls_screened_total counter\n")
        .append("dunshield_sip_calls_screened_total ").append(screened.sum()).append('\n');
    out.append("# HELP dunshield_sip_decisions_total Screening decisions by action.\n")
        .append("# TYPE dunshield_sip_decisions_total counter\n");
    for (Action a : Action.values()) {
      out.append("dunshield_sip_decisions_total{action=\"").append(a.code()).append("\"} ")
          .append(decisions.get(a).sum()).append('\n');
    }
    out.append("# HELP dunshield_sip_decision_seconds Time from INVITE to verdict, history write included.\n")
        .append("# TYPE dunshield_sip_decision_seconds histogram\n");
    long cumulative = 0;
    for (int i = 0; i < BUCKETS.length; i++) {
      cumulative += buckets[i].sum();
      out.append("dunshield_sip_decision_seconds_bucket{le=\"").append(java.math.BigDecimal.valueOf(BUCKETS[i]).stripTrailingZeros().toPlainString())
          .append("\"} ").append(cumulative).append('\n');
    }
    long count = screened.sum();
    out.append("dunshield_sip_decision_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n')
        .append("dunshield_sip_decision_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", latencyNanos.sum() / 1e9))
        .append('\n')
        .append("dunshield_sip_decision_seconds_count ").append(count).append('\n');
    out.append("# HELP dunshield_sip_unmapped_callees_total INVITEs whose callee maps to no user.\n")
        .append("# TYPE dunshield_sip_unmapped_callees_total counter\n")
        .append("dunshield_sip_unmapped_callees_total ").append(unmapped.sum()).append('\n');
    out.append("# HELP dunshield_sip_failures_total Requests answered 500 because of an internal error.\n")
        .append("# TYPE dunshield_sip_failures_total counter\n")
        .append("dunshield_sip_failures_total ").append(failures.sum()).append('\n');
    out.append("# HELP dunshield_sip_overloaded_total INVITEs answered 503 because the screening queue was full.\n")
        .append("# TYPE dunshield_sip_overloaded_total counter\n")
        .append("dunshield_sip_overloaded_total ").append(overloaded.sum()).append('\n');
    out.append("# HELP dunshield_sip_stray_responses_total Responses matching no transaction, relayed statelessly.\n")
        .append("# TYPE dunshield_sip_stray_responses_total counter\n")
        .append("dunshield_sip_stray_responses_total ").append(stray.sum()).append('\n');
    return out.toString();
  }
}
