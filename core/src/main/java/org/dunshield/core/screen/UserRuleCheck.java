package org.dunshield.core.screen;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.dunshield.core.rule.RuleMatch;

/**
 * The user's own allow and block rules: the strongest opinion there is. The explanation of a rule
 * is the same every time it decides, so it is built once per rule and kept in a small cache by rule
 * id (two places per id, the newer first; a third id landing on the same two pushes the older out),
 * checked against the whole match so a reused rule id never shows a stale reason. Thread-safe: the
 * cache holds immutable records, and a lost race only means an explanation is built again.
 */
final class UserRuleCheck implements Check {
  private static final Category[] CATEGORIES = Category.values();
  /** The cache has 2^SET_BITS pairs of places. */
  private static final int SET_BITS = 13;

  /** A rule's explanation, with the match it was made for and the rule id boxed once for every verdict. */
  private record Explained(RuleMatch match, Long ruleId, Reason reason, Category category) {
    boolean explains(RuleMatch m) {
      return match == m || match.equals(m);
    }
  }

  private final AtomicReferenceArray<Explained> explained = new AtomicReferenceArray<>(2 << SET_BITS);

  @Override
  public String id() {
    return "user-rule";
  }

  @Override
  public int priority() {
    return StandardChecks.USER_RULE;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    RuleMatch match = context.rules().match(incoming.withheld() ? null : incoming.number(), incoming.channel(),
        incoming.at(), context.settings().timezone());
    if (match == null) {
      return null;
    }
    Explained e = explained(match);
    return new Verdict(match.action(), id(), e.ruleId(), e.category(), e.reason(), incoming.number());
  }

  private Explained explained(RuleMatch match) {
    int place = 2 * (int) ((match.ruleId() * 0x9E3779B97F4A7C15L) >>> (64 - SET_BITS));
    Explained newer = explained.get(place);
    if (newer != null && newer.explains(match)) {
      return newer;
    }
    Explained older = explained.get(place + 1);
    if (older != null && older.explains(match)) {
      return older;
    }
    Explained e = new Explained(match, match.ruleId(), reason(match), categoryOf(match.label()));
    explained.set(place + 1, newer);
    explained.set(place, e);
    return e;
  }

  private static Reason reason(RuleMatch match) {
    String label = match.label().isEmpty() ? "" : "（" + match.label() + "）";
    String labelEn = match.label().isEmpty() ? "" : " (" + match.label() + ")";
    String verbZh = switch (match.action()) {
      case ALLOW -> "放行";
      case SILENCE -> "静音";
      case BLOCK -> "拦截";
    };
    return new Reason(
        "符合您的" + verbZh + "规则 #" + match.ruleId() + label + "：" + match.kind().code() + " " + match.pattern(),
        "matches your " + match.action().code() + " rule #" + match.ruleId() + labelEn + ": "
            + match.kind().code() + " " + match.pattern());
  }

  /** A label that is a category code ("debt_collection") also sets the verdict's category. */
  private static Category categoryOf(String label) {
    if (label.isEmpty()) {
      return null;
    }
    for (Category c : CATEGORIES) {
      if (c.code().equals(label)) {
        return c; // no exception for labels that are not categories: this runs on every decision
      }
    }
    return null;
  }
}
