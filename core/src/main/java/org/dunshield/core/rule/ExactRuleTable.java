package org.dunshield.core.rule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;

/**
 * The exact-number rules of an {@link IndexedRuleBook}, with no object per rule: an open-addressing
 * table (linear probing) whose entries are three adjacent {@code long}s: the number's E.164 digits
 * (0 marks a free entry), the rule id, then the priority (high 32 bits), meta (action, channel,
 * has-extra: 8 bits) and a link to the next rule with the same number (24 bits). A lookup reads the
 * whole rule from the line its number is in, instead of a key, a value and a rule from three arrays
 * (on a large book each of those is a cache and TLB miss). A further rule for a number already
 * present goes to the overflow area after the table, reached only through the links. A label and a
 * schedule, when a rule has them, are an index into a table of the distinct (label, schedule) pairs,
 * so a million rules labelled {@code debt_collection} cost 4 bytes a rule more, not a rule object.
 * About 40 bytes a rule. An entry is named by its index (table position, or table capacity plus
 * overflow index). Not thread-safe while filled; immutable and safe to share once {@link #freeze}d.
 */
final class ExactRuleTable {
  /** No entry. */
  static final int NONE = -1;
  /** The most rules a table holds: links are 24 bits. */
  static final int MAX_RULES = (1 << 24) - 2;
  private static final double LOAD = 0.6;
  private static final int STRIDE = 3;
  private static final int HAS_EXTRA = 0x10;
  private static final Action[] ACTIONS = Action.values();
  private static final ChannelScope[] SCOPES = ChannelScope.values();

  private long[] entries;
  private int capacity;
  private int used;
  private int overflow;
  /** Per entry with meta bit {@link #HAS_EXTRA}: index into {@link #extras}; null until such a rule comes. */
  private int[] extraOf;
  private Extra[] extras;
  private Map<Extra, Integer> extraIndex = new HashMap<>(); // while filling

  /** What an exact rule has beyond number, action, channel and priority. */
  private record Extra(String label, Schedule schedule) {}

  /** A table sized for {@code expected} rules; it grows when more come. */
  ExactRuleTable(int expected) {
    capacity = Math.max(4, (int) Math.ceil(Math.min(expected, MAX_RULES) / LOAD) + 1);
    entries = new long[STRIDE * capacity];
  }

  /** Adds an exact rule (pattern {@code +} and digits). */
  void add(Rule rule) {
    if (used + overflow == MAX_RULES) {
      throw new IllegalArgumentException("a rule book holds at most " + MAX_RULES + " exact rules");
    }
    if (used + 1 > capacity * LOAD) {
      rehash(capacity * 2);
    }
    long key = Long.parseLong(rule.pattern().substring(1));
    boolean extra = !rule.label().isEmpty() || rule.schedule() != null;
    int meta = rule.action().ordinal() | (rule.channel().ordinal() << 2) | (extra ? HAS_EXTRA : 0);
    long packed = ((long) rule.priority() << 32) | ((long) meta << 24);
    int at = position(key);
    int entry;
    if (entries[STRIDE * at] == key) {
      if (capacity + overflow == entries.length / STRIDE) {
        growOverflow();
      }
      entry = capacity + overflow++;
      packed |= entries[STRIDE * at + 2] & 0xFFFFFF; // the head's link: new rules go right after the head
      entries[STRIDE * at + 2] = (entries[STRIDE * at + 2] & ~0xFFFFFFL) | overflow;
    } else {
      entry = at;
      used++;
    }
    entries[STRIDE * entry] = key;
    entries[STRIDE * entry + 1] = rule.id();
    entries[STRIDE * entry + 2] = packed;
    if (extra) {
      if (extraOf == null) {
        extraOf = new int[entries.length / STRIDE];
      }
      extraOf[entry] = extraIndex.computeIfAbsent(new Extra(rule.label(), rule.schedule()), e -> extraIndex.size());
    }
  }

  /** Trims the overflow area and fixes the extras; call once, after the last {@link #add}. */
  void freeze() {
    entries = Arrays.copyOf(entries, STRIDE * (capacity + overflow));
    extraOf = extraOf == null ? null : Arrays.copyOf(extraOf, capacity + overflow);
    extras = new Extra[extraIndex.size()];
    extraIndex.forEach((extra, index) -> extras[index] = extra);
    extraIndex = null;
  }

  /** The first rule for the E.164 digits {@code key}, or {@link #NONE}. */
  int first(long key) {
    long[] e = entries;
    for (int i = home(key); ; i = i + 1 == capacity ? 0 : i + 1) {
      long k = e[STRIDE * i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return NONE;
      }
    }
  }

  /** The next rule with the same number as {@code entry}, or {@link #NONE}. */
  int next(int entry) {
    int link = (int) entries[STRIDE * entry + 2] & 0xFFFFFF;
    return link == 0 ? NONE : capacity + link - 1;
  }

  long id(int entry) {
    return entries[STRIDE * entry + 1];
  }

  int priority(int entry) {
    return (int) (entries[STRIDE * entry + 2] >> 32);
  }

  Action action(int entry) {
    return ACTIONS[meta(entry) & 3];
  }

  /** Whether the rule covers {@code channel} and its schedule, if any, is active at {@code at}. */
  boolean activeFor(int entry, Channel channel, Instant at, ZoneId zone) {
    int meta = meta(entry);
    if (!SCOPES[(meta >> 2) & 3].covers(channel)) {
      return false;
    }
    Schedule schedule = (meta & HAS_EXTRA) != 0 ? extras[extraOf[entry]].schedule() : null;
    return schedule == null || schedule.activeAt(at.atZone(zone));
  }

  String label(int entry) {
    return (meta(entry) & HAS_EXTRA) != 0 ? extras[extraOf[entry]].label() : "";
  }

  private int meta(int entry) {
    return (int) (entries[STRIDE * entry + 2] >>> 24) & 0xFF;
  }

  /** Where a probe for {@code key} starts: the high bits of a multiplicative hash scaled to the capacity. */
  private int home(long key) {
    return (int) (((key * 0x9E3779B97F4A7C15L) >>> 32) * capacity >>> 32);
  }

  /** The entry holding {@code key}, or the free entry where it would go. */
  private int position(long key) {
    int i = home(key);
    while (entries[STRIDE * i] != 0 && entries[STRIDE * i] != key) {
      i = i + 1 == capacity ? 0 : i + 1;
    }
    return i;
  }

  private void rehash(int newCapacity) {
    long[] old = entries;
    int[] oldExtraOf = extraOf;
    int oldCapacity = capacity;
    int room = old.length / STRIDE - oldCapacity;
    capacity = newCapacity;
    entries = new long[STRIDE * (newCapacity + room)];
    extraOf = oldExtraOf == null ? null : new int[newCapacity + room];
    for (int i = 0; i < oldCapacity; i++) {
      if (old[STRIDE * i] != 0) {
        int at = position(old[STRIDE * i]);
        System.arraycopy(old, STRIDE * i, entries, STRIDE * at, STRIDE);
        if (extraOf != null) {
          extraOf[at] = oldExtraOf[i];
        }
      }
    }
    // overflow entries keep their index behind the table, so the links stay valid
    System.arraycopy(old, STRIDE * oldCapacity, entries, STRIDE * newCapacity, STRIDE * overflow);
    if (extraOf != null) {
      System.arraycopy(oldExtraOf, oldCapacity, extraOf, newCapacity, overflow);
    }
  }

  private void growOverflow() {
    int room = Math.max(16, overflow * 2);
    entries = Arrays.copyOf(entries, STRIDE * (capacity + room));
    extraOf = extraOf == null ? null : Arrays.copyOf(extraOf, capacity + room);
  }
}
