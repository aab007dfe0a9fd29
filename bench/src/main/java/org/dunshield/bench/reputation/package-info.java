/**
 * Benchmarks of the offline reputation index at 100,000,000 generated numbers: lookups per second on
 * one thread, bytes per number, snapshot load time. Run with {@code -Xmx3g}; see
 * {@code docs/reputation.md}, "Measured".
 */
package org.dunshield.bench.reputation;
