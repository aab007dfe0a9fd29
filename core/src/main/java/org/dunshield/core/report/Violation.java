package org.dunshield.core.report;

import java.time.Instant;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/**
 * A breach of a collection conduct rule found in a case's events: which rule set and rule
 * ({@code ruleSet} such as {@code cn-nifa-2024}, {@code rule} its text in both languages), when, by
 * which number ({@code null} if not one number), and what happened. Immutable.
 */
public record Violation(String ruleSet, String ruleZh, String ruleEn, Instant at, PhoneNumber number,
    String detailZh, String detailEn) {
  public Violation {
    Objects.requireNonNull(ruleSet, "ruleSet");
    Objects.requireNonNull(ruleZh, "ruleZh");
    Objects.requireNonNull(ruleEn, "ruleEn");
    Objects.requireNonNull(at, "at");
    detailZh = detailZh == null ? "" : detailZh;
    detailEn = detailEn == null ? "" : detailEn;
  }

  public String rule(String language) {
    return "zh".equals(language) ? ruleZh : ruleEn;
  }

  public String detail(String language) {
    return "zh".equals(language) ? detailZh : detailEn;
  }
}
