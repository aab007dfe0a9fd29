package org.dunshield.core.carrier;

import java.util.Objects;

/**
 * A call-bombing attack on one subscriber: the burst of calls from strangers that tripped the
 * detector, from {@code start} (its first call) to {@code at} (the call that completed it).
 *
 * @param target the attacked subscriber
 * @param start event time of the burst's first call
 * @param at event time of the call that tripped the alert
 * @param calls calls in the burst
 * @param callers distinct callers in the burst
 * @param examples some of the calling numbers
 */
public record AttackAlert(long target, long start, long at, int calls, int callers, long[] examples)
    implements Finding {

  public AttackAlert {
    Objects.requireNonNull(examples, "examples");
    if (at < start) {
      throw new IllegalArgumentException("an attack is detected after it starts");
    }
  }

  @Override
  public String toJson() {
    StringBuilder b = new StringBuilder(200);
    b.append("{\"type\":\"attack\",\"target\":\"+").append(target).append("\",\"category\":\"call_bombing\",\"start\":")
        .append(start).append(",\"at\":").append(at).append(",\"calls\":").append(calls).append(",\"callers\":")
        .append(callers).append(",\"examples\":[");
    for (int i = 0; i < examples.length; i++) {
      b.append(i == 0 ? "\"+" : ",\"+").append(examples[i]).append('"');
    }
    return b.append("]}").toString();
  }
}
