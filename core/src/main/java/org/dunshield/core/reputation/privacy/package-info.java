/**
 * Lookups that do not reveal the number asked about: the k-anonymous hash-prefix
 * {@link org.dunshield.core.reputation.privacy.RangeIndex}. A client sends only the first hex
 * digits of the SHA-256 of the E.164 number ({@link org.dunshield.core.reputation.privacy.NumberHash})
 * and receives every published entry under that prefix, never fewer than the documented minimum;
 * the privacy argument is in {@code docs/reputation.md}.
 */
package org.dunshield.core.reputation.privacy;
