package org.dunshield.core.screen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dunshield.core.rule.RuleMatch;

/**
 * The user's own allow and block rules: the strongest opinion there is. The explanation of a rule
 * is the same every time it decides, so it is built once per rule and kept (a bounded cache, checked
 * against the whole match so a reused rule id never shows a stale reason). Thread-safe.
 */
final class UserRuleCheck implements Check {
  private static final Category[] CATEGORIES = Category.values();
  private static final int MAX_EXPLAINED = 4096;

  private record Explained(RuleMatch match, Reason reason, Category category) {}

  private final Map<Long, Explained> explained = new ConcurrentHashMap<>();

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
    Explained e = explained.get(match.ruleId());
    if (e == null || !e.match().equals(match)) {
      if (explained.size() >= MAX_EXPLAINED) {
        explained.clear();
      }
      e = new Explained(match, reason(match), categoryOf(match.label()));
      explained.put(match.ruleId(), e);
    }
    return new Verdict(match.action(), id(), match.ruleId(), e.category(), e.reason(), incoming.number());
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
