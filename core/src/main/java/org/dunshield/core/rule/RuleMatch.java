package org.dunshield.core.rule;

import org.dunshield.core.screen.Action;

/** The rule that decided: enough to explain a verdict without loading the whole rule. */
public record RuleMatch(long ruleId, Action action, MatchKind kind, String pattern, int priority, String label) {}
