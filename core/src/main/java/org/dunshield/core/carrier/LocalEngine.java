package org.dunshield.core.carrier;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs carrier detection in-process on one machine: each call goes through {@link CalleeLogic} on
 * its callee's state and then {@link CallerLogic} on its caller's state, exactly what the Flink job
 * does across two keyed operators. Findings go to the sink as they are made. State of numbers idle
 * for {@link CarrierSettings#idle()} of event time is dropped by a sweep once a day of event time,
 * as the Flink job's cleanup timers do. Records should come roughly in time order (as switches write
 * them); the features tolerate disorder within the time buckets. Call {@link #flush()} after the
 * last record. Not thread-safe.
 */
public final class LocalEngine implements Consumer<Cdr> {
  private final CalleeLogic calleeLogic;
  private final CallerLogic callerLogic;
  private final Consumer<? super Finding> sink;
  private final long idle;
  private final LongMap<CalleeState> callees = new LongMap<>(1 << 16);
  private final LongMap<CallerState> callers = new LongMap<>(1 << 16);
  private static final int BATCH = 256;
  private final Cdr[] batch = new Cdr[BATCH];
  private final CalleeState[] calleeStates = new CalleeState[BATCH];
  private final CallerState[] callerStates = new CallerState[BATCH];
  private int pending;
  private long nextSweep = Long.MIN_VALUE;
  private long calls;
  private long findings;
  private long touched;
  private final Consumer<Finding> emitter = this::emit;

  public LocalEngine(CarrierSettings settings, KnownNumbers known, Consumer<? super Finding> sink) {
    this.calleeLogic = new CalleeLogic(settings);
    this.callerLogic = new CallerLogic(settings, known);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.idle = settings.idle().toMillis();
  }

  @Override
  public void accept(Cdr call) {
    batch[pending++] = call;
    if (pending == BATCH) {
      flush();
    }
  }

  /**
   * Handles the records accepted so far. Records are taken in batches: the states of a whole batch
   * are looked up first (independent lookups that the processor overlaps, instead of one cache miss
   * after another), then the calls are handled in order. Call it after the last record.
   */
  public void flush() {
    int n = pending;
    pending = 0;
    if (n == 0) {
      return;
    }
    long t = batch[0].start();
    if (nextSweep == Long.MIN_VALUE) {
      nextSweep = t + CarrierSettings.DAY_MS;
    } else if (t >= nextSweep) {
      sweep(t - idle);
      nextSweep = t + CarrierSettings.DAY_MS;
    }
    // the states of the whole batch are found in stages, each a loop of independent loads that the
    // processor overlaps (the engine is bound by memory latency, not by computation): the map slots,
    // the state objects, the objects' fields, then the arrays each call will use; the loads are kept
    // live through a field so that the compiler does not drop them
    long touched = 0;
    for (int i = 0; i < n; i++) {
      touched += callees.peek(batch[i].callee()) + callers.peek(batch[i].caller());
    }
    for (int i = 0; i < n; i++) {
      Cdr call = batch[i];
      CalleeState callee = callees.get(call.callee());
      if (callee == null) {
        callee = new CalleeState();
        callees.put(call.callee(), callee);
      }
      calleeStates[i] = callee;
      CallerState caller = callers.get(call.caller());
      if (caller == null) {
        caller = new CallerState();
        callers.put(call.caller(), caller);
      }
      callerStates[i] = caller;
    }
    for (int i = 0; i < n; i++) {
      touched += calleeStates[i].contactCount + callerStates[i].calleeCount;
    }
    for (int i = 0; i < n; i++) {
      CalleeState callee = calleeStates[i];
      CallerState caller = callerStates[i];
      int[] buckets = caller.buckets;
      if (buckets != null) {
        int at = (int) Math.floorMod(Math.floorDiv(batch[i].start(), CarrierSettings.BUCKET_MS), (long) CarrierSettings.BUCKETS)
            * CallerLogic.METRICS;
        touched += buckets[at] + buckets[CallerLogic.TOTAL];
      }
      touched += touch(callee.contacts) + touch(caller.callees) + touch(caller.calleeSeen) + touch(caller.examples);
    }
    this.touched = touched;
    for (int i = 0; i < n; i++) {
      Cdr call = batch[i];
      calls++;
      CalleeState callee = calleeStates[i];
      // the caller side runs between the callee side's two halves and reads the callee's contacts in
      // place: what CalleeLogic.onCall would copy into the EnrichedCall for the Flink job
      boolean knew = calleeLogic.observe(callee, call, emitter);
      NumberFlag flag = callerLogic.onCall(callerStates[i], call, knew, callee.contacts, knew ? 0 : callee.contactCount);
      calleeLogic.learn(callee, call);
      if (flag != null) {
        emit(flag);
      }
      batch[i] = null;
      calleeStates[i] = null;
      callerStates[i] = null;
    }
  }

  private static long touch(long[] a) {
    return a == null ? 0 : a[0];
  }

  private static long touch(int[] a) {
    return a == null ? 0 : a[0];
  }

  private void emit(Finding f) {
    findings++;
    sink.accept(f);
  }

  private void sweep(long before) {
    callees.removeIf(c -> c.lastSeen < before);
    callers.removeIf(c -> c.lastSeen < before);
  }

  public long calls() {
    return calls;
  }

  public long findings() {
    return findings;
  }

  /** Numbers with state (callee side plus caller side), for sizing. */
  public long numbersWithState() {
    return callees.size() + (long) callers.size();
  }
}
