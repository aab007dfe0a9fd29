package org.dunshield.bench;

import java.util.Random;

/**
 * Deterministic Chinese mobile numbers for benchmarks: eleven digits in the segments carriers and
 * virtual operators really use, drawn from a seeded {@link Random}. Virtual-operator segments
 * (170, 171, 162, 165, 167), where collectors cluster, are over-represented. Not thread-safe (it
 * holds the {@code Random}).
 */
final class Mobiles {
  /** Three-digit segments; repeated entries weigh the draw. */
  static final int[] SEGMENTS = {
      130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159,
      166, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 193, 195, 198,
      199, 170, 170, 171, 171, 171, 162, 165, 167,
  };

  /** How many leading entries of {@link #SEGMENTS} are carriers' own segments. */
  static final int MAINSTREAM = 41;

  private final Random random;

  Mobiles(Random random) {
    this.random = random;
  }

  /** A mobile number as 11 national digits, e.g. {@code 13800138000}. */
  long next() {
    return nextIn(SEGMENTS[random.nextInt(SEGMENTS.length)]);
  }

  /** A mobile number of the big three carriers (no virtual operator), as most of a person's contacts are. */
  long nextMainstream() {
    return nextIn(SEGMENTS[random.nextInt(MAINSTREAM)]);
  }

  /** A mobile number in {@code segment} (three digits), e.g. {@code 171xxxxxxxx}. */
  long nextIn(int segment) {
    return segment * 100_000_000L + random.nextInt(100_000_000);
  }

  /** A number of {@code length} national digits that starts with {@code prefix} (digits only). */
  long completing(String prefix, int length) {
    long value = Long.parseLong(prefix);
    for (int i = prefix.length(); i < length; i++) {
      value = value * 10 + random.nextInt(10);
    }
    return value;
  }
}
