package org.dunshield.core.rule;

import java.util.List;
import java.util.Optional;

/** Stored user rules. Implementations are thread-safe. */
public interface RuleRepository {
  /** Stores a new rule (its id is ignored) and returns it with its assigned id. */
  Rule add(Rule rule);

  /** Stores many rules in one transaction (all or nothing); returns how many were added. */
  int addAll(List<Rule> rules);

  /** All rules, ordered by id. */
  List<Rule> list();

  Optional<Rule> find(long id);

  /** Removes a rule; returns whether it existed. */
  boolean remove(long id);
}
