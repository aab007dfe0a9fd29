package org.dunshield.stream;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CalleeLogic;
import org.dunshield.core.carrier.CalleeState;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;

/**
 * The callee side, keyed by callee: runs {@link CalleeLogic} on the callee's {@link CalleeState};
 * attack alerts go to the {@link #ALERTS} side output, enriched calls downstream. The state of a
 * callee idle for {@link CarrierSettings#idle()} of event time is cleared by a timer (and, as a
 * safety net, by a processing-time TTL of twice that).
 */
public final class CalleeFunction extends KeyedProcessFunction<Long, Cdr, EnrichedCall> {
  private static final long serialVersionUID = 1L;
  /** Attack alerts. */
  public static final OutputTag<AttackAlert> ALERTS = new OutputTag<>("attack-alerts") {
    private static final long serialVersionUID = 1L;
  };

  private final CarrierSettings settings;
  private final boolean ttl;
  private transient CalleeLogic logic;
  private transient ValueState<CalleeState> state;

  public CalleeFunction(CarrierSettings settings) {
    this(settings, true);
  }

  /** @param ttl whether the processing-time TTL backs up the cleanup timers ({@link Cleanup#ttlFor}) */
  public CalleeFunction(CarrierSettings settings, boolean ttl) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    logic = new CalleeLogic(settings);
    ValueStateDescriptor<CalleeState> d = new ValueStateDescriptor<>("callee", CarrierTypes.CALLEE_STATE);
    if (ttl) {
      d.enableTimeToLive(Cleanup.ttl(settings));
    }
    state = getRuntimeContext().getState(d);
  }

  @Override
  public void processElement(Cdr call, Context ctx, Collector<EnrichedCall> out) throws Exception {
    CalleeState s = state.value();
    if (s == null) {
      s = new CalleeState();
    }
    long due = s.lastSeen == 0 ? Long.MIN_VALUE : Cleanup.at(s.lastSeen, settings);
    EnrichedCall enriched = logic.onCall(s, call, alert -> ctx.output(ALERTS, alert));
    state.update(s);
    if (Cleanup.at(s.lastSeen, settings) != due) {
      ctx.timerService().registerEventTimeTimer(Cleanup.at(s.lastSeen, settings));
    }
    out.collect(enriched);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedCall> out) throws Exception {
    CalleeState s = state.value();
    if (s != null && Cleanup.at(s.lastSeen, settings) <= timestamp) {
      state.clear();
    }
  }

  /**
   * When idle state is dropped: event-time timers rounded up to a whole {@link #GRANULE} (a day), so
   * a number has one pending timer per day it was active in — registering a timer (a hash set and a
   * heap per key group) was a quarter of the job's time at hour granularity. State goes 3 to 4 days
   * after the last call, as the local engine's daily sweep drops it; the TTL backs the timers up.
   */
  static final class Cleanup {
    static final long GRANULE = CarrierSettings.DAY_MS;

    private Cleanup() {}

    static long at(long lastSeen, CarrierSettings settings) {
      long due = lastSeen + settings.idle().toMillis();
      return Math.floorDiv(due + GRANULE - 1, GRANULE) * GRANULE;
    }

    /**
     * Whether the TTL safety net is worth having on {@code stateBackend}: on RocksDB its compaction
     * filter really drops expired entries at little cost; on the heap it frees nothing (background
     * cleanup is off, see {@link #ttl}) and wraps every value, which made the copy-on-write copies
     * after each checkpoint a quarter of the job's time — there the timers alone clean up.
     */
    static boolean ttlFor(String stateBackend) {
      return "rocksdb".equals(stateBackend);
    }

    static StateTtlConfig ttl(CarrierSettings settings) {
      return StateTtlConfig.newBuilder(settings.idle().multipliedBy(2))
          .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
          .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
          // the event-time timers do the cleaning; the heap backend's incremental TTL cleanup would
          // walk the state table on every access (it cost most of the job's time when measured)
          .disableCleanupInBackground()
          .cleanupFullSnapshot()
          .cleanupInRocksdbCompactFilter(10_000)
          .build();
    }
  }
}
