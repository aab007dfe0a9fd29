/**
 * Benchmarks of carrier-scale detection over CDRs (issue 8): the local engine
 * ({@code org.dunshield.core.carrier.LocalEngine}) over an in-memory generated network, with
 * same-run baselines that only iterate or only parse the records.
 */
package org.dunshield.bench.carrier;
