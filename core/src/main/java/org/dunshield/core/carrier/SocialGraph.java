package org.dunshield.core.carrier;

import java.math.BigInteger;

/**
 * The synthetic network's social graph, computed, not stored: subscriber {@code i} (of {@code n})
 * has a family (its block of 4), colleagues (its block of 10 in a shuffled order) and friends (its
 * 3 neighbours either side in another shuffled order). Every relation is symmetric. The shuffles
 * are affine permutations {@code (a·i + b) mod n}, so 10 million subscribers cost no memory.
 * Immutable and thread-safe.
 */
final class SocialGraph {
  static final int FAMILY = 4;
  static final int TEAM = 10;
  static final int FRIENDS_EACH_SIDE = 3;

  private final int n;
  private final long a1;
  private final long b1;
  private final long a1inv;
  private final long a2;
  private final long b2;
  private final long a2inv;

  SocialGraph(int n, long seed) {
    if (n < TEAM * 2) {
      throw new IllegalArgumentException("a network needs at least " + TEAM * 2 + " subscribers");
    }
    this.n = n;
    this.a1 = coprime(n, 1_000_003L + Math.floorMod(seed, 1000));
    this.b1 = Math.floorMod(seed * 31 + 7, n);
    this.a1inv = BigInteger.valueOf(a1).modInverse(BigInteger.valueOf(n)).longValue();
    this.a2 = coprime(n, 7_000_003L + Math.floorMod(seed * 7, 1000));
    this.b2 = Math.floorMod(seed * 17 + 3, n);
    this.a2inv = BigInteger.valueOf(a2).modInverse(BigInteger.valueOf(n)).longValue();
  }

  private static long coprime(int n, long start) {
    long a = start % n;
    while (a < 2 || BigInteger.valueOf(a).gcd(BigInteger.valueOf(n)).intValue() != 1) {
      a = (a + 1) % n;
    }
    return a;
  }

  int size() {
    return n;
  }

  /** The contacts of {@code i}: family, colleagues, friends (may repeat when circles overlap). */
  int[] contacts(int i) {
    int[] out = new int[FAMILY - 1 + TEAM - 1 + 2 * FRIENDS_EACH_SIDE];
    int k = 0;
    int fam = i / FAMILY * FAMILY;
    for (int j = fam; j < fam + FAMILY; j++) {
      if (j != i) {
        out[k++] = j < n ? j : (j - FAMILY + n) % n;
      }
    }
    long p = perm(i, a1, b1);
    long team = p / TEAM * TEAM;
    for (long q = team; q < team + TEAM; q++) {
      if (q != p) {
        out[k++] = (int) unperm(q < n ? q : q - TEAM, a1inv, b1);
      }
    }
    long f = perm(i, a2, b2);
    for (int d = 1; d <= FRIENDS_EACH_SIDE; d++) {
      out[k++] = (int) unperm(Math.floorMod(f + d, n), a2inv, b2);
      out[k++] = (int) unperm(Math.floorMod(f - d, n), a2inv, b2);
    }
    return out;
  }

  int family(int i, int which) {
    int fam = i / FAMILY * FAMILY;
    int j = fam + (i - fam + 1 + which) % FAMILY;
    return j < n ? j : i;
  }

  private long perm(long i, long a, long b) {
    return (a * i + b) % n;
  }

  private long unperm(long p, long ainv, long b) {
    return Math.floorMod(p - b, (long) n) * ainv % n;
  }
}
