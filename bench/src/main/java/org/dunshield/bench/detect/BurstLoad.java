package org.dunshield.bench.detect;

import java.util.SplittableRandom;

/**
 * A deterministic stream of incoming calls for the detector benchmarks: {@code callees} phones each
 * rung now and then by random mobile numbers, one event per millisecond of event time, and one call
 * in a hundred aimed at one of {@value #BOMBED} phones under call bombing (each rung every few
 * seconds by rotating numbers). Arrays are read-only once made.
 */
final class BurstLoad {
  static final int BOMBED = 100;

  final long[] callees;
  final long[] callers;
  final int size;

  private BurstLoad(int size, int callees, long seed) {
    this.size = size;
    this.callees = new long[size];
    this.callers = new long[size];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      boolean attack = i % 100 == 0;
      this.callees[i] = attack ? 8613900000000L + (i / 100) % BOMBED : 8613800000000L + random.nextInt(callees);
      this.callers[i] = 8613000000000L + random.nextLong(7_000_000_000L);
    }
  }

  static BurstLoad generate(int size, int callees) {
    return new BurstLoad(size, callees, 20261014L);
  }
}
