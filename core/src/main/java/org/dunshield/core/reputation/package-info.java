/**
 * The community reputation of phone numbers: {@link org.dunshield.core.reputation.Report}s by
 * {@link org.dunshield.core.reputation.Reporter}s, aggregated per number by
 * {@link org.dunshield.core.reputation.Reputations} into a
 * {@link org.dunshield.core.reputation.Reputation} (category, score, confidence, reporters) that
 * ages with a half-life, weighs reporters by trust, resists floods of fresh accounts, and labels
 * whole number blocks; the {@link org.dunshield.core.reputation.ReputationCheck} brings it into
 * screening. Storage is the {@link org.dunshield.core.reputation.ReputationRepository} port. The
 * model and its defences are described in {@code docs/reputation.md}.
 */
package org.dunshield.core.reputation;
