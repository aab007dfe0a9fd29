package org.dunshield.core.carrier;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs carrier detection in-process on one machine: each call goes through {@link CalleeLogic} on
 * its callee's state and then {@link CallerLogic} on its caller's state, exactly what the Flink job
 * does across two keyed operators. Findings go to the sink as they are made. State of numbers idle
 * for {@link CarrierSettings#idle()} of event time is dropped by a sweep once a day of event time,
 * as the Flink job's cleanup timers do. Records should come roughly in time order (as switches write
 * them); the features tolerate disorder within the time buckets. Not thread-safe.
 */
public final class LocalEngine implements Consumer<Cdr> {
  private final CalleeLogic calleeLogic;
  private final CallerLogic callerLogic;
  private final Consumer<? super Finding> sink;
  private final long idle;
  private final Map<Long, CalleeState> callees = new HashMap<>(1 << 16);
  private final Map<Long, CallerState> callers = new HashMap<>(1 << 16);
  private long newest = Long.MIN_VALUE;
  private long nextSweep = Long.MIN_VALUE;
  private long calls;
  private long findings;

  public LocalEngine(CarrierSettings settings, KnownNumbers known, Consumer<? super Finding> sink) {
    this.calleeLogic = new CalleeLogic(settings);
    this.callerLogic = new CallerLogic(settings, known);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.idle = settings.idle().toMillis();
  }

  @Override
  public void accept(Cdr call) {
    calls++;
    long t = call.start();
    if (t > newest) {
      newest = t;
      if (nextSweep == Long.MIN_VALUE) {
        nextSweep = t + CarrierSettings.DAY_MS;
      } else if (t >= nextSweep) {
        sweep(t - idle);
        nextSweep = t + CarrierSettings.DAY_MS;
      }
    }
    CalleeState callee = callees.computeIfAbsent(call.callee(), k -> new CalleeState());
    EnrichedCall enriched = calleeLogic.onCall(callee, call, this::emit);
    CallerState caller = callers.computeIfAbsent(call.caller(), k -> new CallerState());
    NumberFlag flag = callerLogic.onCall(caller, enriched);
    if (flag != null) {
      emit(flag);
    }
  }

  private void emit(Finding f) {
    findings++;
    sink.accept(f);
  }

  private void sweep(long before) {
    for (Iterator<CalleeState> i = callees.values().iterator(); i.hasNext();) {
      if (i.next().lastSeen < before) {
        i.remove();
      }
    }
    for (Iterator<CallerState> i = callers.values().iterator(); i.hasNext();) {
      if (i.next().lastSeen < before) {
        i.remove();
      }
    }
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
