package org.dunshield.bench.reputation;

import java.util.SplittableRandom;
import org.dunshield.core.reputation.offline.Label;
import org.dunshield.core.screen.Category;

/**
 * Deterministic Chinese mobile numbers (E.164 digits 8613... to 8619...) in ascending order with
 * random gaps, and random harmful labels: the shape of a large published reputation. Stateless.
 */
final class GeneratedNumbers {
  static final long FIRST = 86_13_000_000_000L;
  static final long LAST = 86_19_999_999_999L;
  private static final Category[] HARMFUL = {Category.DEBT_COLLECTION, Category.THREAT, Category.FRAUD,
      Category.MARKETING, Category.CALL_BOMBING, Category.ONE_RING, Category.ROBOCALL};

  /** Receives each generated number. */
  interface Sink {
    void accept(long digits, int label);
  }

  private GeneratedNumbers() {}

  /** Calls {@code sink} with {@code n} distinct numbers in ascending order. */
  static void ascending(long n, long seed, Sink sink) {
    SplittableRandom random = new SplittableRandom(seed);
    long step = Math.max(1, (LAST - FIRST) / n);
    long key = FIRST;
    for (long i = 0; i < n; i++) {
      key += 1 + (step > 1 ? random.nextLong(2 * step - 1) : 0);
      sink.accept(key, label(random));
    }
  }

  static int label(SplittableRandom random) {
    return Label.encode(HARMFUL[random.nextInt(HARMFUL.length)], 0.6 + random.nextDouble() * 0.4,
        1 + random.nextInt(500), false);
  }

  /** Heap in use after a full collection, in bytes. */
  static long heapUsed() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
