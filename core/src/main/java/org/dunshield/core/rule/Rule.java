package org.dunshield.core.rule;

import java.util.Objects;
import org.dunshield.core.screen.Action;

/**
 * A user rule: allow or block numbers that match {@code pattern} (already normalised by
 * {@link RuleParser}) on {@code channel}, optionally only while {@code schedule} is active.
 * {@code id} is 0 for a rule not yet stored. Higher {@code priority} wins.
 */
public record Rule(
    long id,
    Action action,
    MatchKind kind,
    String pattern,
    ChannelScope channel,
    int priority,
    String label,
    Schedule schedule) {

  public static final int DEFAULT_PRIORITY = 0;

  public Rule {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(channel, "channel");
    label = label == null ? "" : label;
    if (id < 0) {
      throw new IllegalArgumentException("rule id must not be negative");
    }
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("rule pattern must not be empty");
    }
  }

  public Rule withId(long newId) {
    return new Rule(newId, action, kind, pattern, channel, priority, label, schedule);
  }

  /** The schedule's text, or {@code ""} when the rule is always active. */
  public String when() {
    return schedule == null ? "" : schedule.text();
  }
}
