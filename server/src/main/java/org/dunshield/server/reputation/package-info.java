/**
 * The reputation over HTTP: lookups, the k-anonymous hash-prefix range query, authenticated
 * reports, snapshots and deltas, and the PhoneBlock-compatible {@code /api/num} and
 * {@code /api/rate}. Registered by {@link org.dunshield.server.DunshieldServer} when configured.
 */
package org.dunshield.server.reputation;
