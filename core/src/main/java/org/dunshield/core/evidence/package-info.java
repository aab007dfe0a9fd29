/**
 * Cases and the tamper-evident evidence log. A {@link org.dunshield.core.evidence.Case} gathers the
 * events of one harassment campaign (by numbers and a time range) and its attachments, which are
 * stored content-addressed by SHA-256. Every stored event and attachment is a link of one hash
 * chain per owner ({@link org.dunshield.core.evidence.Chain}); {@link
 * org.dunshield.core.evidence.ChainVerifier} recomputes it and names the first broken link. The
 * ports ({@link org.dunshield.core.evidence.CaseRepository}, {@link
 * org.dunshield.core.evidence.EvidenceLog}) are implemented by the store.
 */
package org.dunshield.core.evidence;
