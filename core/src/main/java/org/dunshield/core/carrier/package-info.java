/**
 * Carrier-scale detection over call detail records (CDRs): the record ({@link
 * org.dunshield.core.carrier.Cdr}) and its CSV / JSON-lines files, the per-callee logic (contacts
 * learned from answered calls, call-bombing alerts) and the per-caller logic (features over a sliding
 * day of time buckets, address-book blasting, one-ring and telemarketing profiles) that every engine
 * runs unchanged, the in-process engine ({@link org.dunshield.core.carrier.LocalEngine}), a seeded
 * synthetic network with ground truth ({@link org.dunshield.core.carrier.NetworkGenerator}) and the
 * scoring of findings against it ({@link org.dunshield.core.carrier.Scoring}). Framework-free: the
 * Flink job in the {@code stream} module wraps the same state and logic classes. Everything runs on
 * the records' event time; nothing reads the wall clock.
 */
package org.dunshield.core.carrier;
