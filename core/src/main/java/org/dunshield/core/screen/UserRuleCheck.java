package org.dunshield.core.screen;

import org.dunshield.core.rule.RuleMatch;

/** The user's own allow and block rules: the strongest opinion there is. */
final class UserRuleCheck implements Check {
  private static final Category[] CATEGORIES = Category.values();

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
    String label = match.label().isEmpty() ? "" : "（" + match.label() + "）";
    String labelEn = match.label().isEmpty() ? "" : " (" + match.label() + ")";
    String verbZh = switch (match.action()) {
      case ALLOW -> "放行";
      case SILENCE -> "静音";
      case BLOCK -> "拦截";
    };
    Reason reason = new Reason(
        "符合您的" + verbZh + "规则 #" + match.ruleId() + label + "：" + match.kind().code() + " " + match.pattern(),
        "matches your " + match.action().code() + " rule #" + match.ruleId() + labelEn + ": "
            + match.kind().code() + " " + match.pattern());
    return new Verdict(match.action(), id(), match.ruleId(), categoryOf(match.label()), reason, incoming.number());
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
