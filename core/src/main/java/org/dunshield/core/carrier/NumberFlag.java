package org.dunshield.core.carrier;

import java.util.Objects;
import org.dunshield.core.screen.Category;

/**
 * A number flagged by the caller-side detector, with the evidence of its sliding day window.
 *
 * @param number the flagged caller (E.164 as long)
 * @param category debt collection (address-book blasting), marketing (telemarketing) or one-ring
 * @param score 0 to 1
 * @param recommendation freeze or review
 * @param at event time of the call that completed the evidence
 * @param windowStart start of the evidence window (the first of the day's calls)
 * @param evidence the counts behind the decision
 */
public record NumberFlag(long number, Category category, double score, Recommendation recommendation, long at,
    long windowStart, Evidence evidence) implements Finding {

  public NumberFlag {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(evidence, "evidence");
  }

  /**
   * Counts over the window. {@code circleCentre} is the subscriber whose contacts were called
   * ({@code 0} when none), {@code circleSize} how many of the callees share that contact;
   * {@code examples} holds callee and start time pairs of the latest calls.
   */
  public record Evidence(int calls, int distinctCallees, int answered, int shortCalls, int nightCalls, int oneRing,
      long talkSeconds, int strangerCalls, int maxCallsToOne, long circleCentre, int circleSize, int complaints,
      long[] examples) {
    public Evidence {
      Objects.requireNonNull(examples, "examples");
    }
  }

  @Override
  public String toJson() {
    StringBuilder b = new StringBuilder(400);
    b.append("{\"type\":\"number\",\"number\":\"+").append(number).append("\",\"category\":\"").append(category.code())
        .append("\",\"score\":").append(Math.round(score * 1000) / 1000.0).append(",\"recommendation\":\"")
        .append(recommendation.code()).append("\",\"at\":").append(at).append(",\"window_start\":").append(windowStart)
        .append(",\"evidence\":{\"calls\":").append(evidence.calls).append(",\"distinct_callees\":")
        .append(evidence.distinctCallees).append(",\"answered\":").append(evidence.answered).append(",\"short_calls\":")
        .append(evidence.shortCalls).append(",\"night_calls\":").append(evidence.nightCalls).append(",\"one_ring\":")
        .append(evidence.oneRing).append(",\"talk_seconds\":").append(evidence.talkSeconds)
        .append(",\"stranger_calls\":").append(evidence.strangerCalls).append(",\"max_calls_to_one\":")
        .append(evidence.maxCallsToOne);
    if (evidence.circleCentre != 0) {
      b.append(",\"circle_centre\":\"+").append(evidence.circleCentre).append("\",\"circle_size\":")
          .append(evidence.circleSize);
    }
    b.append(",\"complaints\":").append(evidence.complaints).append(",\"examples\":[");
    for (int i = 0; i + 1 < evidence.examples.length; i += 2) {
      b.append(i == 0 ? "" : ",").append("{\"callee\":\"+").append(evidence.examples[i]).append("\",\"start\":")
          .append(evidence.examples[i + 1]).append('}');
    }
    return b.append("]}}").toString();
  }
}
