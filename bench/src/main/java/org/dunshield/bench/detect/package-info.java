/**
 * Benchmarks of the harassment detectors and the SMS classifier (issue 4): the streaming burst
 * detector over 100,000 tracked callees, the engine with every detector during an attack,
 * classification and training throughput.
 */
package org.dunshield.bench.detect;
