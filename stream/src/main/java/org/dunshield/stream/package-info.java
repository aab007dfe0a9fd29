/**
 * Carrier-scale detection as an Apache Flink DataStream job ({@link org.dunshield.stream.CdrJob}):
 * CDRs from files or Kafka, event time with bounded out-of-orderness, the callee side keyed by
 * callee and the caller side keyed by caller, both wrapping the framework-free state and logic of
 * {@code org.dunshield.core.carrier}, so the Flink job and the local engine make the same findings.
 * On RocksDB the sides are keyed functions ({@link org.dunshield.stream.CalleeFunction},
 * {@link org.dunshield.stream.CallerFunction}) with keyed state, a TTL and event-time cleanup
 * timers; on the heap they are operators keeping their own per-number maps, snapshotted as raw keyed
 * state and swept daily ({@link org.dunshield.stream.NumberStateOperator}). Exactly-once
 * checkpoints with a Kafka sink.
 */
package org.dunshield.stream;
