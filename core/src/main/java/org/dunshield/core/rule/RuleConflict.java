package org.dunshield.core.rule;

/**
 * Two rules with different actions that can match the same number on the same channel.
 *
 * @param winner the rule that decides when both match and both are active
 * @param loser the other rule
 * @param example a number (E.164) both match, or {@code null} for type rules on withheld callers
 * @param why the precedence step that decides: {@code priority}, {@code specificity},
 *     {@code action} or {@code age}
 * @param schedulesOverlap false when the schedules never coincide, so the conflict is only apparent
 */
public record RuleConflict(Rule winner, Rule loser, String example, String why, boolean schedulesOverlap) {}
