/**
 * User rules: what a rule is ({@link org.dunshield.core.rule.Rule}), how a typed pattern becomes one
 * ({@link org.dunshield.core.rule.RuleParser}), schedules, the compiled
 * {@link org.dunshield.core.rule.RuleBook} that finds the deciding rule without trying every
 * pattern, conflict reports, and the repository port the store implements.
 */
package org.dunshield.core.rule;
