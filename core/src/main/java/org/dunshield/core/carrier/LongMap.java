package org.dunshield.core.carrier;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A map from positive {@code long} keys (numbers) to values, open addressing with linear probing:
 * no boxing, two arrays. For the per-number state of the local engine and of the Flink job's heap
 * operators. Not thread-safe.
 */
public final class LongMap<V> {
  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;

  public LongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new Object[cap];
    mask = cap - 1;
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /**
   * Reads the first slot {@code key} would probe, key and value reference, and returns something of
   * both: loads with no use but to bring the slot's two lines into the cache before {@link #get}
   * (the local engine does it for a whole batch of keys first, so that the cache misses overlap).
   */
  long peek(long key) {
    int i = hash(key) & mask;
    return values[i] == null ? keys[i] : keys[i] + 1;
  }

  @SuppressWarnings("unchecked")
  public V get(long key) {
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == 0) {
        return null;
      }
    }
  }

  /**
   * The value of {@code key}, or a new one from {@code make}, stored: one probe when the key is
   * there (a lookup followed by {@link #put} probed twice for every new key).
   */
  @SuppressWarnings("unchecked")
  public V computeIfAbsent(long key, Supplier<? extends V> make) {
    if (key <= 0) {
      throw new IllegalArgumentException("keys must be positive");
    }
    int i = hash(key) & mask;
    for (long k; (k = keys[i]) != 0; i = (i + 1) & mask) {
      if (k == key) {
        return (V) values[i];
      }
    }
    V made = make.get();
    if ((size + 1) * 4L > keys.length * 3L) {
      put(key, made); // grows first, then probes the larger table
      return made;
    }
    keys[i] = key;
    values[i] = made;
    size++;
    return made;
  }

  public void put(long key, V value) {
    if (key <= 0) {
      throw new IllegalArgumentException("keys must be positive");
    }
    if ((size + 1) * 4L > keys.length * 3L) {
      grow();
    }
    int i = hash(key) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  public int size() {
    return size;
  }

  /** Removes every entry whose value matches. */
  @SuppressWarnings("unchecked")
  public void removeIf(Predicate<? super V> drop) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length];
    values = new Object[oldValues.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && !drop.test((V) oldValues[i])) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
  }

  /** What {@link #forEach} is given: a key and its value. */
  @FunctionalInterface
  public interface Entry<V> {
    void accept(long key, V value) throws Exception;
  }

  /** Every entry, in no particular order; {@code action} must not change the map. */
  @SuppressWarnings("unchecked")
  public void forEach(Entry<? super V> action) throws Exception {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(keys[i], (V) values[i]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
    Arrays.fill(oldValues, null);
  }
}
