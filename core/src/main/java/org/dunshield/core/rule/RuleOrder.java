package org.dunshield.core.rule;

import org.dunshield.core.screen.Action;

/**
 * Which of two matching rules wins, deterministically: higher priority; then the more specific
 * pattern (exact, then the longer prefix, then wildcard by its fixed digits, then regex, then
 * type); then allow before silence before block (an explicit allow is a person the user wants to
 * reach them); then the older rule (lower id). Never random.
 */
final class RuleOrder {
  private RuleOrder() {}

  static int specificity(MatchKind kind, String pattern) {
    int literal = 0;
    if (kind == MatchKind.PREFIX || kind == MatchKind.WILDCARD) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c >= '0' && c <= '9') {
          literal++;
        }
      }
    }
    return kind.specificity() * 100 + literal;
  }

  /** Negative when rule a wins over rule b. */
  static int compare(int priorityA, int specA, Action actionA, long idA, int priorityB, int specB, Action actionB, long idB) {
    if (priorityA != priorityB) {
      return priorityA > priorityB ? -1 : 1;
    }
    if (specA != specB) {
      return specA > specB ? -1 : 1;
    }
    if (actionA != actionB) {
      return actionA.ordinal() < actionB.ordinal() ? -1 : 1;
    }
    return Long.compare(idA, idB);
  }

  static int compare(CompiledRule a, CompiledRule b) {
    return compare(a.rule().priority(), a.specificity(), a.rule().action(), a.rule().id(),
        b.rule().priority(), b.specificity(), b.rule().action(), b.rule().id());
  }
}
