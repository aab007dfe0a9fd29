package org.dunshield.core.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from positive {@code long} keys (phone numbers as digits) to
 * {@code int} values, with linear probing and no boxing: 12 bytes per slot. Key 0 marks an empty
 * slot, so 0 cannot be a key. Not thread-safe while being filled; safe to read from many threads
 * once filled and published.
 */
public final class LongIntHashMap {
  public static final int MISSING = Integer.MIN_VALUE;
  private static final double LOAD = 0.6;

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  public LongIntHashMap(int expected) {
    int capacity = Integer.highestOneBit((int) Math.max(4, Math.ceil(expected / LOAD)) * 2 - 1);
    keys = new long[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  /** The value for {@code key}, or {@link #MISSING}. */
  public int get(long key) {
    int i = slotOf(key);
    return i < 0 ? MISSING : values[i];
  }

  /** Where {@code key} is, or -1. */
  private int slotOf(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Whether {@code key} is present; reads only the keys, so a lookup touches one array, not two. */
  public boolean containsKey(long key) {
    return slotOf(key) >= 0;
  }

  /** Stores {@code value} for {@code key}; returns the previous value or {@link #MISSING}. */
  public int put(long key, int value) {
    if (key <= 0) {
      throw new IllegalArgumentException("keys must be positive: " + key);
    }
    if (size + 1 > keys.length * LOAD) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return MISSING;
  }

  /** Approximate heap bytes held by the table arrays. */
  public long footprintBytes() {
    return (long) keys.length * (Long.BYTES + Integer.BYTES);
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "LongIntHashMap[size=" + size + ", capacity=" + keys.length + "]";
  }

  /** For tests: the keys present, unordered. */
  public long[] keysForTesting() {
    return Arrays.stream(keys).filter(k -> k != 0).toArray();
  }
}
