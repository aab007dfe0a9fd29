package org.dunshield.core.rule;

import java.time.Instant;
import java.time.ZoneId;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * The user's rules compiled for screening: finds the rule that decides for a number, on a channel,
 * at a time, following {@link RuleOrder}'s deterministic precedence. Implementations are
 * immutable and thread-safe.
 */
public interface RuleBook {
  /**
   * The winning rule, or {@code null} when no active rule matches.
   *
   * @param number the caller, or {@code null} when the number is withheld (only {@code type hidden}
   *     rules match then)
   */
  RuleMatch match(PhoneNumber number, Channel channel, Instant at, ZoneId zone);

  /** How many rules were compiled. */
  int size();

  /**
   * The production book: exact numbers in a primitive hash table (about 40 bytes a rule), prefixes,
   * wildcards and anchored regexes in a digit trie, so a decision looks only at rules whose fixed
   * digits lie on the number's path.
   */
  static RuleBook indexed(Iterable<Rule> rules, NumberParser numbers) {
    return new IndexedRuleBook(rules, new NumberForms(numbers));
  }

  /** The reference book: every rule tried in precedence order. The baseline for tests and benchmarks. */
  static RuleBook linear(Iterable<Rule> rules, NumberParser numbers) {
    return new LinearRuleBook(rules, new NumberForms(numbers));
  }
}
