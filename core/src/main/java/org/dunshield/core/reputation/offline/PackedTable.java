package org.dunshield.core.reputation.offline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An open-addressing hash table of {@code long} slots, each packing a 50-bit key (E.164 digits: 15
 * digits fit) above a {@value Label#BITS}-bit label: 8 bytes a slot, one cache miss per lookup at
 * the load factor {@link #forEntries} sizes for (0.75, so 10.7 bytes per entry). The capacity need
 * not be a power of two: the home slot is the multiply-shift reduction of the key's Fibonacci hash,
 * probing is linear with wrap-around. Slot 0 is empty; a key whose label
 * is 0 is a tombstone (deleted without moving anything, so concurrent readers never miss a key).
 *
 * <p>One writer at a time; any number of readers concurrently with it: slots are written with
 * release semantics and read with opaque semantics, so a reader sees each slot either before or
 * after a write, never torn.
 */
final class PackedTable {
  static final long MAX_KEY = (1L << (64 - Label.BITS)) - 1;
  static final double MAX_LOAD = 0.75;
  /** In-place inserts (deltas) may fill the table up to here before it must grow. */
  static final double GROW_LOAD = 0.9;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int MAX_CAPACITY = 1 << 30;
  /** What {@link #put} answers when the table must grow first. */
  static final int FULL = -1;

  private final long[] slots;
  private final long capacity;
  private long used;

  private PackedTable(int capacity) {
    slots = new long[capacity];
    this.capacity = capacity;
  }

  /** A table for {@code n} keys at a load of at most {@link #MAX_LOAD}. */
  static PackedTable forEntries(long n) {
    long wanted = Math.max(16, (long) Math.ceil(n / MAX_LOAD));
    if (wanted > MAX_CAPACITY) {
      throw new IllegalArgumentException("too many entries for one table: " + n);
    }
    return new PackedTable((int) wanted);
  }

  static boolean validKey(long key) {
    return key > 0 && key <= MAX_KEY;
  }

  /** The label of {@code key}, or 0 when absent (or deleted). */
  int get(long key) {
    long[] t = slots;
    int i = home(key);
    while (true) {
      long s = (long) SLOT.getOpaque(t, i);
      if (s == 0) {
        return 0;
      }
      if ((s >>> Label.BITS) == key) {
        return (int) (s & Label.MASK);
      }
      if (++i == t.length) {
        i = 0;
      }
    }
  }

  /** The home slot: the high 32 bits of the Fibonacci hash, scaled to the capacity (multiply-shift). */
  private int home(long key) {
    return (int) ((((key * GOLDEN) >>> 32) * capacity) >>> 32);
  }

  private int next(int i) {
    return i + 1 == slots.length ? 0 : i + 1;
  }

  /**
   * Sets the label of {@code key} (0 deletes it); returns the previous label (0 when absent), or
   * {@link #FULL} when the key is new and the table is too full to take it (the caller grows it).
   */
  int put(long key, int label) {
    if (!validKey(key)) {
      throw new IllegalArgumentException("key out of range: " + key);
    }
    int i = home(key);
    while (true) {
      long s = slots[i];
      if (s == 0) {
        if (label == 0) {
          return 0; // deleting an absent key
        }
        if (used + 1 > slots.length * GROW_LOAD) {
          return FULL;
        }
        SLOT.setRelease(slots, i, key << Label.BITS | label);
        used++;
        return 0;
      }
      if ((s >>> Label.BITS) == key) {
        SLOT.setRelease(slots, i, key << Label.BITS | label);
        return (int) (s & Label.MASK);
      }
      i = next(i);
    }
  }

  /** Inserts into a table not yet shared (building): no fullness check beyond capacity. */
  void insertFresh(long key, int label) {
    if (!validKey(key)) {
      throw new IllegalArgumentException("key out of range: " + key);
    }
    if (used >= slots.length - 1) {
      throw new IllegalStateException("table full");
    }
    int i = home(key);
    while (true) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = key << Label.BITS | label;
        used++;
        return;
      }
      if ((s >>> Label.BITS) == key) {
        slots[i] = key << Label.BITS | label;
        return;
      }
      i = next(i);
    }
  }

  /** A copy with room for {@code extra} more keys, tombstones dropped. */
  PackedTable grown(long extra) {
    PackedTable bigger = forEntries(live() + extra);
    for (long s : slots) {
      if (s != 0 && (s & Label.MASK) != 0) {
        bigger.insertFresh(s >>> Label.BITS, (int) (s & Label.MASK));
      }
    }
    return bigger;
  }

  /** Keys with a non-zero label. */
  long live() {
    long n = 0;
    for (long s : slots) {
      if (s != 0 && (s & Label.MASK) != 0) {
        n++;
      }
    }
    return n;
  }

  /** Occupied slots (live keys and tombstones). */
  long used() {
    return used;
  }

  int capacity() {
    return slots.length;
  }

  long footprintBytes() {
    return (long) slots.length * Long.BYTES;
  }
}
