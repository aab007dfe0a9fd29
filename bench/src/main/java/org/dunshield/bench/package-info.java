/**
 * Benchmarks and measurement programs for the performance targets of the screening engine, number
 * normalisation, rule memory and imports. Nothing here is deployed or used by other modules; run
 * them from the uber-jar as {@code bench/README.md} describes.
 */
package org.dunshield.bench;
