/**
 * Carrier-scale detection as an Apache Flink DataStream job ({@link org.dunshield.stream.CdrJob}):
 * CDRs from files or Kafka, event time with bounded out-of-orderness, the callee side
 * ({@link org.dunshield.stream.CalleeFunction}) keyed by callee and the caller side
 * ({@link org.dunshield.stream.CallerFunction}) keyed by caller, both wrapping the framework-free
 * state and logic of {@code org.dunshield.core.carrier}, so the Flink job and the local engine make
 * the same findings. Keyed state has a TTL and event-time cleanup timers; heap or RocksDB state;
 * exactly-once checkpoints with a Kafka sink.
 */
package org.dunshield.stream;
