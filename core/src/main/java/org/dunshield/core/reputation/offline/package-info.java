/**
 * Screening without asking anyone: a server publishes a {@link org.dunshield.core.reputation.offline.Publication}
 * as a compact binary snapshot plus daily deltas ({@link org.dunshield.core.reputation.offline.SnapshotFormat});
 * a device loads them into a {@link org.dunshield.core.reputation.offline.ReputationIndex} (100 million
 * numbers in about 1 GiB, one cache miss per lookup) and screens with no network request per call.
 */
package org.dunshield.core.reputation.offline;
