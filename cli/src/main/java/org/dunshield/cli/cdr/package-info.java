/**
 * The {@code cdr} commands: {@code generate} (a seeded synthetic carrier network with its truth),
 * {@code analyze} (carrier detection with the local engine or the Flink job on a MiniCluster) and
 * {@code score} (findings against the truth).
 */
package org.dunshield.cli.cdr;
