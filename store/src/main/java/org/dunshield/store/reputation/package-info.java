/**
 * The community reputation on SQLite and PostgreSQL: {@link org.dunshield.store.reputation.ReputationStore}
 * opens the same database as {@link org.dunshield.store.Database} (whose migrations create the
 * {@code reputation_*} tables) and gives each owner's
 * {@link org.dunshield.core.reputation.ReputationRepository}.
 */
package org.dunshield.store.reputation;
