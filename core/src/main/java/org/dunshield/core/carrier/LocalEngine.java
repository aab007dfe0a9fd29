package org.dunshield.core.carrier;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs carrier detection in-process on one machine: each call goes through {@link CalleeLogic} on
 * its callee's state and then {@link CallerLogic} on its caller's state, exactly what the Flink job
 * does across two keyed operators. State of numbers idle for {@link CarrierSettings#idle()} of event
 * time is dropped by a sweep once a day of event time, as the Flink job's cleanup timers do. Records
 * should come roughly in time order (as switches write them); the features tolerate disorder within
 * the time buckets. Call {@link #flush()} after the last record: findings are made and given to the
 * sink by then.
 *
 * <p>Records are taken in batches of {@value #BATCH}. The callee side handles a whole batch (its
 * state only: the callee map), recording for each call whether the callee knew the caller, a copy of
 * the callee's contacts when not, and the alerts it raised; then the caller side handles the batch
 * (its state only: the caller map) and gives the sink, call by call, that call's alerts and then its
 * flag. The two sides share no state, so this is the same as handling each call through both sides
 * before the next, and the sink sees the same findings in the same order. With {@code threads = 2}
 * the caller side runs on a worker thread of its own, a pipeline: the callee side (and whatever
 * feeds {@link #accept}, e.g. the CSV parser) fills the next batch while the worker handles the
 * last; a bounded pool of {@value #IN_FLIGHT} batches holds the feeder back when the worker is
 * behind. The caller map is split into {@value #SHARDS} shards by a hash of the number, and finding
 * the calls' caller states in a shard runs on the thread that owns it: the shares move, a few shards
 * at a time, to even out the two threads' work as measured while it runs (most to the feeder when it
 * only hands on records, most to the worker when the feeder also parses them); the feeder gives a
 * shard up at once but takes one back only while the worker is idle, and for the daily sweep of idle
 * caller states gives every shard to the worker, which sweeps them when it reaches that batch. The
 * findings and their order do not depend on the thread count or the shares; with two threads the
 * sink is called on the worker thread (one thread at a time, in order). Not thread-safe: one
 * feeding thread.
 */
public final class LocalEngine implements Consumer<Cdr>, AutoCloseable {
  static final int BATCH = 256;
  /** Batches in flight between the two sides with two threads (filling, queued and handled). */
  static final int IN_FLIGHT = 32;
  /**
   * Shards of the caller map, the unit in which finding caller states moves between the threads:
   * a power of two, at most 32 (one bit each in an {@code int} mask).
   */
  private static final int SHARD_BITS = 4;
  static final int SHARDS = 1 << SHARD_BITS;
  private static final int ALL_SHARDS = (1 << SHARDS) - 1;

  private final CalleeLogic calleeLogic;
  private final CallerLogic callerLogic;
  private final Consumer<? super Finding> sink;
  private final long idle;
  private final int contacts;
  private final LongMap<CalleeState> callees = new LongMap<>(1 << 16);
  private final LongMap<CallerState>[] callers;
  /**
   * The shards whose caller states the feeder finds, one bit each (the worker finds the rest); each
   * batch carries the mask it was handed on with (see {@link #balance()}).
   */
  private int feederMask;
  private final CalleeState[] calleeStates = new CalleeState[BATCH];
  private long nextCalleeSweep = Long.MIN_VALUE;
  private long nextCallerSweep = Long.MIN_VALUE;
  private long calls;
  private long findings;
  /** Sinks of the loads the batch stages make only to bring state into the cache (see {@link #calleeSide}). */
  private long calleeTouched;
  private long callerTouched;

  private final boolean pipelined;
  private final BlockingQueue<Batch> free;
  private final BlockingQueue<Batch> full;
  private Batch filling;
  private Thread worker;
  private volatile Throwable failure;
  /**
   * With two threads: the nanoseconds each side and the lookups took in this window (see
   * {@link #balance()}), and when the feeder last got a free batch.
   */
  private long busy;
  private long fedSince;
  private long workerBusy;
  private long lookups;
  private int handed;
  static final int WINDOW = 512;
  /** Tests: reassign the shards every this many batches whatever the timings (0: by the timings). */
  int reassignEvery;
  private int reassigned;
  private static final Batch END = new Batch(0);

  /** A single-threaded engine. */
  public LocalEngine(CarrierSettings settings, KnownNumbers known, Consumer<? super Finding> sink) {
    this(settings, known, sink, 1);
  }

  /**
   * An engine on {@code threads} threads: 1 (the calling thread only) or 2 (the caller side on a
   * worker thread, started on the first full batch and ended by {@link #flush()}).
   */
  public LocalEngine(CarrierSettings settings, KnownNumbers known, Consumer<? super Finding> sink, int threads) {
    if (threads != 1 && threads != 2) {
      throw new IllegalArgumentException("the local engine runs on 1 or 2 threads, not " + threads);
    }
    this.calleeLogic = new CalleeLogic(settings);
    this.callerLogic = new CallerLogic(settings, known);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.idle = settings.idle().toMillis();
    this.contacts = settings.contacts();
    this.pipelined = threads == 2;
    @SuppressWarnings("unchecked")
    LongMap<CallerState>[] shards = new LongMap[SHARDS];
    for (int s = 0; s < SHARDS; s++) {
      shards[s] = new LongMap<>(1 << 12);
    }
    this.callers = shards;
    // one thread finds them all; with two the worker starts with all and gives some up as measured
    this.feederMask = pipelined ? 0 : ALL_SHARDS;
    int pool = pipelined ? IN_FLIGHT : 1;
    this.free = new ArrayBlockingQueue<>(pool);
    this.full = new ArrayBlockingQueue<>(pool + 1);
    for (int i = 0; i < pool; i++) {
      free.add(new Batch(contacts));
    }
    this.filling = free.poll();
  }

  @Override
  public void accept(Cdr call) {
    Batch b = filling;
    b.calls[b.n++] = call;
    calls++;
    if (b.n == BATCH) {
      handOn();
    }
  }

  /**
   * Handles the records accepted so far and, with two threads, waits until the worker has handled
   * them and ends it. Call it after the last record; the engine can take more records afterwards.
   * A failure of the sink on the worker is thrown here (or from {@link #accept}).
   */
  public void flush() {
    if (filling.n > 0) {
      handOn();
    }
    if (worker != null) {
      put(END);
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the carrier engine's worker", e);
      }
      worker = null;
      fedSince = 0;
      full.clear();
      rethrow();
    }
  }

  /** Ends the worker thread, if any, without handling the records still in flight. */
  @Override
  public void close() {
    Thread w = worker;
    if (w != null) {
      w.interrupt();
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  /** The callee side of the filled batch, then the caller side here or on the worker. */
  private void handOn() {
    Batch b = filling;
    if (!pipelined) {
      calleeSide(b);
      callerStates(b, false);
      callerSide(b);
      b.clear();
      return;
    }
    long began = System.nanoTime();
    calleeSide(b);
    long found = System.nanoTime();
    callerStates(b, false);
    long done = System.nanoTime();
    lookups += done - found;
    // the feeder's whole time since it last got a free batch: whatever made the records (a parser,
    // say) counts, waiting for the worker does not
    busy += done - (fedSince != 0 ? fedSince : began);
    rethrow();
    if (worker == null) {
      worker = new Thread(this::work, "dunshield-carrier-caller-side");
      worker.setDaemon(true);
      worker.start();
    }
    put(b);
    Batch next = takeFree();
    workerBusy += next.busy;
    lookups += next.lookups;
    next.busy = 0;
    next.lookups = 0;
    filling = next;
    if (++handed == (reassignEvery > 0 ? reassignEvery : WINDOW)) {
      balance();
    }
    fedSince = System.nanoTime();
  }

  /**
   * Moves shards of the caller map lookups from the busier thread to the other, measured over the
   * last {@value #WINDOW} batches: as many as halve the difference between their busy times at the
   * shards' mean cost. Only where the work runs changes, never what it does. The feeder gives
   * shards up at once: batches handed on from now have them in the worker's part of their mask, and
   * the worker reaches those batches only after the feeder's last lookups in them. Taking shards
   * back means waiting until the worker is idle (it may still be finding states in batches before),
   * so the feeder takes them only when the worker is the slower by an eighth or more.
   */
  private void balance() {
    int mask = feederMask;
    if (reassignEvery > 0) {
      // tests: a pattern that changes every time, sometimes none and sometimes all
      int round = ++reassigned;
      mask = 0;
      for (int s = 0; s < SHARDS; s++) {
        if (round % 5 == 0 || (round % 5 != 1 && (s * 7 + round) % 3 == 0)) {
          mask |= 1 << s;
        }
      }
    } else {
      long perShard = Math.max(1, lookups / SHARDS);
      long difference = busy - workerBusy;
      int give = (int) Math.max(-SHARDS, Math.min(SHARDS, difference / (4 * perShard)));
      if (give < 0 && -difference < workerBusy / 8) {
        give = 0;
      }
      // the feeder's (give > 0) or the worker's (give < 0) lowest shards go to the other
      for (int s = 0, left = Math.abs(give); s < SHARDS && left > 0; s++) {
        boolean feeders = (mask & (1 << s)) != 0;
        if (feeders == give > 0) {
          mask ^= 1 << s;
          left--;
        }
      }
    }
    if ((mask & ~feederMask) != 0) {
      drain();
    }
    feederMask = mask;
    handed = 0;
    busy = 0;
    workerBusy = 0;
    lookups = 0;
  }

  /** A batch the worker is done with, waiting for one; fails when the worker failed. */
  private Batch takeFree() {
    try {
      Batch next;
      while ((next = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
        rethrow();
        if (worker == null || !worker.isAlive()) {
          throw new IllegalStateException("the carrier engine's worker ended");
        }
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the carrier engine's worker", e);
    }
  }

  /** Waits until the worker has handled every batch handed on (so that its states can be read here). */
  private void drain() {
    if (worker == null) {
      return;
    }
    Batch[] done = new Batch[IN_FLIGHT - 1];
    for (int k = 0; k < done.length; k++) {
      done[k] = takeFree();
    }
    free.addAll(Arrays.asList(done));
  }

  private void put(Batch b) {
    // never blocks: the queue holds every batch there is, and the end marker
    if (!full.offer(b)) {
      throw new IllegalStateException("carrier engine batch queue overflow");
    }
  }

  private void work() {
    try {
      for (Batch b = full.take(); b != END; b = full.take()) {
        long began = System.nanoTime();
        callerStates(b, true);
        b.lookups = System.nanoTime() - began;
        callerSide(b);
        b.busy = System.nanoTime() - began;
        b.clear();
        free.put(b);
      }
    } catch (InterruptedException e) {
      // closed
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t != null) {
      failure = null;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
  }

  /**
   * The callee side of a batch. The states of the whole batch are found in stages, each a loop of
   * independent loads that the processor overlaps (the engine is bound by memory latency, not by
   * computation): the map slots, the state objects, then the arrays each call will use; the loads
   * are kept live through a field so that the compiler does not drop them.
   */
  private void calleeSide(Batch b) {
    int n = b.n;
    Cdr[] batch = b.calls;
    long t0 = batch[0].start();
    if (nextCalleeSweep == Long.MIN_VALUE) {
      nextCalleeSweep = t0 + CarrierSettings.DAY_MS;
    } else if (t0 >= nextCalleeSweep) {
      long before = t0 - idle;
      callees.removeIf(c -> c.lastSeen < before);
      nextCalleeSweep = t0 + CarrierSettings.DAY_MS;
    }
    long touched = 0;
    for (int i = 0; i < n; i++) {
      touched += callees.peek(batch[i].callee());
    }
    CalleeState[] states = calleeStates;
    for (int i = 0; i < n; i++) {
      states[i] = callees.computeIfAbsent(batch[i].callee(), CalleeState::new);
    }
    for (int i = 0; i < n; i++) {
      touched += states[i].contactCount;
    }
    for (int i = 0; i < n; i++) {
      CalleeState callee = states[i];
      touched += touch(callee.contacts) + touch(callee.burstTimes) + touch(callee.burstSources);
    }
    calleeTouched += touched;
    long[] copies = b.contacts;
    for (int i = 0; i < n; i++) {
      Cdr call = batch[i];
      CalleeState callee = states[i];
      b.at = i;
      boolean knew = calleeLogic.observe(callee, call, b);
      b.knew[i] = knew;
      int count = knew ? 0 : callee.contactCount;
      b.contactCount[i] = count;
      if (count > 0) {
        System.arraycopy(callee.contacts, 0, copies, i * contacts, count);
      }
      calleeLogic.learn(callee, call);
      states[i] = null;
    }
  }

  /**
   * Finds (or makes) the caller states of a batch in the shards this thread owns: the feeder's
   * first ({@code onWorker} false), then the worker's, so that every state is found before the
   * caller side runs. The daily sweep of idle states runs where every shard is owned and every earlier
   * batch handled: on the one thread, or on the worker before it finds the states of the batch the
   * feeder marked (it reads the states the worker changes, so the feeder could not sweep without
   * waiting for the worker to be idle).
   */
  private void callerStates(Batch b, boolean onWorker) {
    int n = b.n;
    Cdr[] batch = b.calls;
    if (!onWorker) {
      long t0 = batch[0].start();
      b.sweepBefore = Long.MIN_VALUE;
      if (nextCallerSweep == Long.MIN_VALUE) {
        nextCallerSweep = t0 + CarrierSettings.DAY_MS;
      } else if (t0 >= nextCallerSweep) {
        nextCallerSweep = t0 + CarrierSettings.DAY_MS;
        if (pipelined) {
          // the worker sweeps, when it reaches this batch: every shard goes to it from this batch on
          // (giving shards up needs no wait), so no lookup of the feeder's can run beside the sweep
          b.sweepBefore = t0 - idle;
          feederMask = 0;
        } else {
          sweepCallers(t0 - idle);
        }
      }
    } else if (b.sweepBefore != Long.MIN_VALUE) {
      sweepCallers(b.sweepBefore);
    }
    // the feeder finds the shards of its mask, the worker the others of the mask the batch came with;
    // the feeder notes every call's shard for both
    LongMap<CallerState>[] shards = callers;
    byte[] shardOf = b.shard;
    int mask;
    if (onWorker) {
      mask = ~b.feederMask & ALL_SHARDS;
    } else {
      mask = b.feederMask = feederMask;
      for (int i = 0; i < n; i++) {
        shardOf[i] = (byte) shard(batch[i].caller());
      }
    }
    if (mask == 0) {
      return;
    }
    long touched = 0;
    for (int i = 0; i < n; i++) {
      if ((mask & (1 << shardOf[i])) != 0) {
        touched += shards[shardOf[i]].peek(batch[i].caller());
      }
    }
    CallerState[] states = b.callerStates;
    for (int i = 0; i < n; i++) {
      int s = shardOf[i];
      if ((mask & (1 << s)) != 0) {
        states[i] = shards[s].computeIfAbsent(batch[i].caller(), CallerState::new);
      }
    }
    if (onWorker) {
      callerTouched += touched;
    } else {
      calleeTouched += touched;
    }
  }

  /** Drops the caller states last seen before {@code before}, in every shard. */
  private void sweepCallers(long before) {
    for (LongMap<CallerState> shard : callers) {
      shard.removeIf(c -> c.lastSeen < before);
    }
  }

  /** The caller map shard of a number: the top bits of a multiplicative hash other than the maps' own. */
  static int shard(long number) {
    return (int) ((number * 0xC2B2AE3D27D4EB4FL) >>> (Long.SIZE - SHARD_BITS));
  }

  /** The caller side of a batch; gives the sink each call's alerts (from the callee side), then its flag. */
  private void callerSide(Batch b) {
    int n = b.n;
    Cdr[] batch = b.calls;
    CallerState[] states = b.callerStates;
    long touched = 0;
    for (int i = 0; i < n; i++) {
      touched += states[i].calleeCount;
    }
    for (int i = 0; i < n; i++) {
      CallerState caller = states[i];
      int[] buckets = caller.buckets;
      if (buckets != null) {
        int at = (int) Math.floorMod(Math.floorDiv(batch[i].start(), CarrierSettings.BUCKET_MS), (long) CarrierSettings.BUCKETS)
            * CallerLogic.METRICS;
        touched += buckets[at] + buckets[CallerLogic.TOTAL];
      }
      touched += touch(caller.callees) + touch(caller.calleeSeen) + touch(caller.calleeCalls) + touch(caller.examples)
          + touch(caller.circle) + touch(caller.circleCounts);
    }
    callerTouched += touched;
    int alert = 0;
    long[] copies = b.contacts;
    for (int i = 0; i < n; i++) {
      while (alert < b.alertCount && b.alertAt[alert] == i) {
        emit(b.alerts[alert++]);
      }
      NumberFlag flag = callerLogic.onCall(states[i], batch[i], b.knew[i], copies, i * contacts, b.contactCount[i]);
      if (flag != null) {
        emit(flag);
      }
      states[i] = null;
    }
  }

  private static long touch(long[] a) {
    return a == null || a.length == 0 ? 0 : a[0];
  }

  private static long touch(int[] a) {
    return a == null || a.length == 0 ? 0 : a[0];
  }

  private void emit(Finding f) {
    findings++;
    sink.accept(f);
  }

  /** Records handed to the engine. */
  public long calls() {
    return calls;
  }

  /** Findings given to the sink; with two threads, complete after {@link #flush()}. */
  public long findings() {
    return findings;
  }

  /** Numbers with state (callee side plus caller side), for sizing; with two threads, after {@link #flush()}. */
  public long numbersWithState() {
    long n = callees.size();
    for (LongMap<CallerState> shard : callers) {
      n += shard.size();
    }
    return n;
  }

  /** A batch of calls and what the callee side found out about them for the caller side. */
  private static final class Batch implements Consumer<AttackAlert> {
    final Cdr[] calls = new Cdr[BATCH];
    /** The calls' caller states, found by the feeding thread. */
    final CallerState[] callerStates = new CallerState[BATCH];
    final boolean[] knew = new boolean[BATCH];
    final int[] contactCount = new int[BATCH];
    /** The callees' contacts of the calls from strangers, {@code contacts} slots per call. */
    final long[] contacts;
    /** Each call's caller map shard (see {@link #shard}), and the shards the feeder found states in. */
    final byte[] shard = new byte[BATCH];
    int feederMask;
    /** With two threads: the worker drops caller states last seen before this first (MIN_VALUE: none). */
    long sweepBefore = Long.MIN_VALUE;
    /** The worker's timings of this batch. */
    long busy;
    long lookups;
    AttackAlert[] alerts = new AttackAlert[4];
    int[] alertAt = new int[4];
    int alertCount;
    int n;
    /** The call the callee side is handling (alerts are raised for it). */
    int at;

    Batch(int contacts) {
      this.contacts = new long[BATCH * contacts];
    }

    @Override
    public void accept(AttackAlert alert) {
      if (alertCount == alerts.length) {
        alerts = Arrays.copyOf(alerts, alertCount * 2);
        alertAt = Arrays.copyOf(alertAt, alertCount * 2);
      }
      alerts[alertCount] = alert;
      alertAt[alertCount++] = at;
    }

    void clear() {
      Arrays.fill(calls, 0, n, null);
      Arrays.fill(alerts, 0, alertCount, null);
      alertCount = 0;
      n = 0;
    }
  }
}
