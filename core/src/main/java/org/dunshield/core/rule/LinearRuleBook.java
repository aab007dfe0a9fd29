package org.dunshield.core.rule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.PhoneNumber;

/** Tries every rule in precedence order; the first active match wins. Immutable and thread-safe. */
final class LinearRuleBook implements RuleBook {
  private final CompiledRule[] ordered;

  LinearRuleBook(Iterable<Rule> rules, NumberForms forms) {
    List<CompiledRule> list = new ArrayList<>();
    for (Rule rule : rules) {
      list.add(new CompiledRule(rule, forms));
    }
    list.sort(RuleOrder::compare);
    this.ordered = list.toArray(new CompiledRule[0]);
  }

  @Override
  public RuleMatch match(PhoneNumber number, Channel channel, Instant at, ZoneId zone) {
    for (CompiledRule rule : ordered) {
      if (rule.matches(number) && rule.activeFor(channel, at, zone)) {
        return rule.toMatch();
      }
    }
    return null;
  }

  @Override
  public int size() {
    return ordered.length;
  }
}
