package org.dunshield.core.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * Finds attacks made of bursts from many numbers — call bombing, SMS bombing — per callee, in a
 * stream of events. For each callee it keeps the last few untrusted events (time and source) in a
 * ring and the state of the current attack; {@link #observe} says whether an event is quiet, trips
 * an attack, or belongs to one that is going on.
 *
 * <p>Time is the events' own (epoch milliseconds), never the wall clock, so the same events always
 * give the same answers. Events of one callee should come in time order; an older one is counted at
 * the callee's newest time. Memory is bounded by the callees active within the window plus the
 * cooldown: the state of idle callees is dropped by a sweep every window of event time, and the
 * slots are reused. State lives in flat primitive arrays (about {@code 16 × ring + 48} bytes per
 * callee). Not thread-safe: one detector per thread or partition.
 */
public final class BurstDetector {
  /** What one event means. */
  public enum Signal {
    /** No attack. */
    QUIET,
    /** This event completed a burst: an attack starts (the burst's earlier events belong to it). */
    TRIPPED,
    /** An attack is going on and this event is part of it. */
    ONGOING
  }

  private static final long NONE = Long.MIN_VALUE;

  private final Burst config;
  private final int ring;
  private final long window;
  private final long cooldown;
  private final long idle;
  private final CalleeIndex index;

  private long[] callee;
  private long[] times;
  private long[] sources;
  private int[] head;
  private int[] count;
  private long[] lastSeen;
  private long[] attackStart;
  private long[] lastAttack;
  private int[] attackEvents;
  private int[] free;
  private int freeCount;
  private int used;
  private long nextSweep = NONE;

  /** A detector for {@code config}, sized for about {@code expectedCallees} callees (it grows). */
  public BurstDetector(Burst config, int expectedCallees) {
    this.config = Objects.requireNonNull(config, "config");
    this.ring = Math.min(Burst.MAX_THRESHOLD, 2 * config.minEvents());
    this.window = config.window().toMillis();
    this.cooldown = config.cooldown().toMillis();
    this.idle = window + cooldown;
    int capacity = Math.max(4, expectedCallees);
    this.index = new CalleeIndex(capacity);
    allocate(capacity);
  }

  private void allocate(int capacity) {
    callee = Arrays.copyOf(callee == null ? new long[0] : callee, capacity);
    times = Arrays.copyOf(times == null ? new long[0] : times, capacity * ring);
    sources = Arrays.copyOf(sources == null ? new long[0] : sources, capacity * ring);
    head = Arrays.copyOf(head == null ? new int[0] : head, capacity);
    count = Arrays.copyOf(count == null ? new int[0] : count, capacity);
    lastSeen = Arrays.copyOf(lastSeen == null ? new long[0] : lastSeen, capacity);
    attackStart = Arrays.copyOf(attackStart == null ? new long[0] : attackStart, capacity);
    lastAttack = Arrays.copyOf(lastAttack == null ? new long[0] : lastAttack, capacity);
    attackEvents = Arrays.copyOf(attackEvents == null ? new int[0] : attackEvents, capacity);
    free = Arrays.copyOf(free == null ? new int[0] : free, capacity);
  }

  public Burst config() {
    return config;
  }

  /**
   * Feeds one untrusted event (from a number that is not a contact and not allowed).
   *
   * @param calleeKey who receives it (any value but {@link Long#MIN_VALUE})
   * @param source the caller or sender as a number ({@code 0} when hidden: it counts as an event,
   *     not as a distinct number)
   * @param atMillis when it happened, epoch milliseconds
   */
  public Signal observe(long calleeKey, long source, long atMillis) {
    if (nextSweep == NONE) {
      nextSweep = atMillis + window;
    } else if (atMillis >= nextSweep) {
      sweep(atMillis);
    }
    int s = index.get(calleeKey);
    if (s == CalleeIndex.MISSING) {
      s = claim(calleeKey);
    }
    return apply(s, source, atMillis);
  }

  /** What the event would be to the attack state (see {@link #peek}). */
  public record Outcome(Signal signal, long attackStart, int attackEvents) {}

  /**
   * What {@link #observe} would say about this event, without taking it: the state is left exactly
   * as it was. When it would trip an attack, {@code burstSources} receives the source of each event
   * of the burst, this one included.
   */
  public Outcome peek(long calleeKey, long source, long atMillis, java.util.function.LongConsumer burstSources) {
    int s = index.get(calleeKey);
    if (s == CalleeIndex.MISSING || atMillis - lastSeen[s] > idle) {
      return new Outcome(Signal.QUIET, NONE, 0); // a fresh callee: one event is never a burst
    }
    int base = s * ring;
    int h = head[s];
    long savedTime = times[base + h];
    long savedSource = sources[base + h];
    int savedCount = count[s];
    long savedSeen = lastSeen[s];
    long savedStart = attackStart[s];
    long savedLast = lastAttack[s];
    int savedEvents = attackEvents[s];
    try {
      Signal signal = apply(s, source, atMillis);
      if (signal == Signal.TRIPPED) {
        sources(s, attackStart[s], burstSources);
      }
      return new Outcome(signal, attackStart[s], signal == Signal.QUIET ? 0 : attackEvents[s]);
    } finally {
      times[base + h] = savedTime;
      sources[base + h] = savedSource;
      head[s] = h;
      count[s] = savedCount;
      lastSeen[s] = savedSeen;
      attackStart[s] = savedStart;
      lastAttack[s] = savedLast;
      attackEvents[s] = savedEvents;
    }
  }

  /** Gives the source of each kept event of the callee at or after {@code sinceMillis}, newest first. */
  public void sourcesSince(long calleeKey, long sinceMillis, java.util.function.LongConsumer consumer) {
    int s = index.get(calleeKey);
    if (s != CalleeIndex.MISSING) {
      sources(s, sinceMillis, consumer);
    }
  }

  private void sources(int s, long sinceMillis, java.util.function.LongConsumer consumer) {
    int base = s * ring;
    int n = count[s];
    for (int k = 0, i = head[s] == 0 ? ring - 1 : head[s] - 1; k < n; k++, i = i == 0 ? ring - 1 : i - 1) {
      if (times[base + i] < sinceMillis) {
        break;
      }
      consumer.accept(sources[base + i]);
    }
  }

  private Signal apply(int s, long source, long atMillis) {
    long at = Math.max(atMillis, lastSeen[s]);
    lastSeen[s] = at;
    int base = s * ring;
    int h = head[s];
    times[base + h] = at;
    sources[base + h] = source;
    head[s] = h + 1 == ring ? 0 : h + 1;
    if (count[s] < ring) {
      count[s]++;
    }
    if (attackStart[s] != NONE) {
      if (at - lastAttack[s] <= cooldown) {
        lastAttack[s] = at;
        attackEvents[s]++;
        return Signal.ONGOING;
      }
      attackStart[s] = NONE;
    }
    return judge(s, at);
  }

  /** Whether the events in the ring within the window make a burst; if so, an attack starts. */
  private Signal judge(int s, long at) {
    int n = count[s];
    int min = config.minEvents();
    if (n < min) {
      return Signal.QUIET;
    }
    int base = s * ring;
    int newest = head[s] == 0 ? ring - 1 : head[s] - 1;
    int minth = newest - (min - 1);
    if (minth < 0) {
      minth += ring;
    }
    if (at - times[base + minth] > window) {
      return Signal.QUIET;
    }
    int inWindow = 0;
    int distinct = 0;
    long earliest = at;
    for (int k = 0, i = newest; k < n; k++, i = i == 0 ? ring - 1 : i - 1) {
      long t = times[base + i];
      if (at - t > window) {
        break;
      }
      inWindow++;
      earliest = t;
      long src = sources[base + i];
      if (src != 0 && !seenAmongNewer(base, newest, i, src)) {
        distinct++;
      }
    }
    if (inWindow >= min && distinct >= config.minSources()) {
      attackStart[s] = earliest;
      lastAttack[s] = at;
      attackEvents[s] = inWindow;
      return Signal.TRIPPED;
    }
    return Signal.QUIET;
  }

  private boolean seenAmongNewer(int base, int newest, int stop, long src) {
    for (int i = newest; i != stop; i = i == 0 ? ring - 1 : i - 1) {
      if (sources[base + i] == src) {
        return true;
      }
    }
    return false;
  }

  /** When the callee's current attack began (its first event), or {@code Long.MIN_VALUE} when none. */
  public long attackStart(long calleeKey) {
    int s = index.get(calleeKey);
    return s == CalleeIndex.MISSING ? NONE : attackStart[s];
  }

  /** How many events the callee's current attack has had so far (0 when none). */
  public int attackEvents(long calleeKey) {
    int s = index.get(calleeKey);
    return s == CalleeIndex.MISSING || attackStart[s] == NONE ? 0 : attackEvents[s];
  }

  /** How many callees have state now. */
  public int tracked() {
    return index.size();
  }

  /** Approximate heap bytes held by the state arrays and the index. */
  public long footprintBytes() {
    long slots = callee.length;
    return slots * (ring * 16L + 8 * 4 + 4 * 4) + index.capacity() * 12L;
  }

  /** Drops the state of callees idle for longer than the window plus the cooldown before {@code atMillis}. */
  public void sweep(long atMillis) {
    for (int s = 0; s < used; s++) {
      if (lastSeen[s] != NONE && atMillis - lastSeen[s] > idle) {
        index.remove(callee[s]);
        lastSeen[s] = NONE;
        free[freeCount++] = s;
      }
    }
    nextSweep = atMillis + window;
  }

  private int claim(long calleeKey) {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (used == callee.length) {
        allocate(callee.length * 2);
      }
      s = used++;
    }
    callee[s] = calleeKey;
    head[s] = 0;
    count[s] = 0;
    lastSeen[s] = Long.MIN_VALUE + 1;
    attackStart[s] = NONE;
    lastAttack[s] = NONE;
    attackEvents[s] = 0;
    index.put(calleeKey, s);
    return s;
  }
}
