package org.dunshield.core.reputation.offline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An ordered open-addressing hash table of {@code long} slots, each packing a 50-bit key (E.164
 * digits: 15 digits fit) above a {@value Label#BITS}-bit label: 8 bytes a slot at a load of at most
 * {@value #MAX_LOAD} (10.7 bytes per entry), one cache miss per lookup. The capacity need not be a
 * power of two: the home slot is the multiply-shift reduction of the key's Fibonacci hash; probing is
 * linear with wrap-around.
 *
 * <p>Ordered (Amble and Knuth, 1974): along every probe sequence keys appear in decreasing order,
 * as if they had been inserted largest first. A search stops at its key, or at the first smaller key
 * or empty slot (key 0), so a number that is not in the table costs as few probes as one that is;
 * at load 0.75 both average 2.5 slots, mostly in one cache line. Keeping the order moves keys on
 * insertion, so keys are only inserted while the table is being built ({@link #insert}); once
 * shared, only labels change ({@link #update}: one slot written with release semantics, read with
 * opaque semantics, never torn). A key whose label is 0 is deleted (a tombstone keeps its place).
 */
final class PackedTable {
  static final long MAX_KEY = (1L << (64 - Label.BITS)) - 1;
  static final double MAX_LOAD = 0.75;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private final long[] slots;
  private final long capacity;
  private long used;

  private PackedTable(int capacity) {
    slots = new long[capacity];
    this.capacity = capacity;
  }

  /** An empty table for {@code n} keys at a load of at most {@link #MAX_LOAD}. */
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
      long k = s >>> Label.BITS;
      if (k == key) {
        return (int) (s & Label.MASK);
      }
      if (k < key) {
        return 0; // an empty slot (key 0) or a smaller key: the key would be here
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

  /**
   * Sets the label of a key already in the table (0 deletes it) in place, safely for concurrent
   * readers; false when the key is not in the table.
   */
  boolean update(long key, int label) {
    long[] t = slots;
    int i = home(key);
    while (true) {
      long s = t[i];
      long k = s >>> Label.BITS;
      if (k == key) {
        SLOT.setRelease(t, i, key << Label.BITS | label);
        return true;
      }
      if (k < key) {
        return false;
      }
      if (++i == t.length) {
        i = 0;
      }
    }
  }

  /**
   * Inserts or replaces {@code key} while the table is being built, keeping the probe order (a
   * larger key takes the place of a smaller one, which moves on). Not safe with concurrent readers.
   *
   * @throws IllegalStateException when the table is full
   */
  void insert(long key, int label) {
    if (!validKey(key)) {
      throw new IllegalArgumentException("key out of range: " + key);
    }
    long entry = key << Label.BITS | label;
    int i = home(key);
    while (true) {
      long s = slots[i];
      long k = s >>> Label.BITS;
      if (k == (entry >>> Label.BITS)) {
        slots[i] = entry;
        return;
      }
      if (k < (entry >>> Label.BITS)) {
        if (s == 0 && used + 1 >= slots.length) {
          throw new IllegalStateException("table full");
        }
        slots[i] = entry;
        if (s == 0) {
          used++;
          return;
        }
        entry = s; // the smaller key moves on along its own probe sequence, which is this one
      }
      if (++i == slots.length) {
        i = 0;
      }
    }
  }

  /** Whether one more key fits without passing {@code load}. */
  boolean hasRoom(double load) {
    return used + 1 <= slots.length * load;
  }

  /** A new table with the live keys and room for {@code extra} more; tombstones are dropped. */
  PackedTable grown(long extra) {
    PackedTable bigger = forEntries(live() + extra);
    for (long s : slots) {
      if (s != 0 && (s & Label.MASK) != 0) {
        bigger.insert(s >>> Label.BITS, (int) (s & Label.MASK));
      }
    }
    return bigger;
  }

  /** Calls {@code visitor} with every live key and label, in slot order. */
  void forEach(java.util.function.LongConsumer visitor) {
    for (long s : slots) {
      if (s != 0 && (s & Label.MASK) != 0) {
        visitor.accept(s);
      }
    }
  }

  /** Keys with a non-zero label (scans the table). */
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
