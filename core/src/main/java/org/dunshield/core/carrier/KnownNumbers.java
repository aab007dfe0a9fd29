package org.dunshield.core.carrier;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * What the carrier already knows about numbers: the allowlist (numbers never flagged: a bank's
 * service line, emergency services) and complaint counts joined from the reputation store. Sorted
 * arrays with binary search, so a few million numbers cost a few tens of megabytes and the whole
 * value ships to every Flink task. Immutable and thread-safe.
 */
public final class KnownNumbers implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final KnownNumbers NONE = new KnownNumbers(new long[0], new long[0], new int[0]);

  private final long[] allowed;
  private final long[] complained;
  private final int[] complaints;

  private KnownNumbers(long[] allowed, long[] complained, int[] complaints) {
    this.allowed = allowed;
    this.complained = complained;
    this.complaints = complaints;
  }

  public static KnownNumbers none() {
    return NONE;
  }

  /** From an allowlist and complaint counts per number (E.164 as long). */
  public static KnownNumbers of(Set<Long> allowlist, Map<Long, Integer> complaintCounts) {
    long[] a = allowlist.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] c = complaintCounts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    int[] n = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      n[i] = complaintCounts.get(c[i]);
    }
    return new KnownNumbers(a, c, n);
  }

  public boolean allowed(long number) {
    return Arrays.binarySearch(allowed, number) >= 0;
  }

  public int complaints(long number) {
    int i = Arrays.binarySearch(complained, number);
    return i < 0 ? 0 : complaints[i];
  }

  public int allowedCount() {
    return allowed.length;
  }
}
