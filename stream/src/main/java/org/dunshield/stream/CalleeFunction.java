package org.dunshield.stream;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
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
 * safety net, by a processing-time TTL of twice that). The job runs it on RocksDB; on the heap
 * backend it runs {@link CalleeOperator} ({@link Cleanup}).
 */
public final class CalleeFunction extends KeyedProcessFunction<Long, Cdr, EnrichedCall> {
  private static final long serialVersionUID = 1L;
  /** Attack alerts. */
  public static final OutputTag<AttackAlert> ALERTS = new OutputTag<>("attack-alerts") {
    private static final long serialVersionUID = 1L;
  };

  private final CarrierSettings settings;
  private transient CalleeLogic logic;
  private transient ValueState<CalleeState> state;

  public CalleeFunction(CarrierSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void open(OpenContext context) {
    logic = new CalleeLogic(settings);
    ValueStateDescriptor<CalleeState> d = new ValueStateDescriptor<>("callee", CarrierTypes.CALLEE_STATE);
    d.enableTimeToLive(Cleanup.ttl(settings));
    state = getRuntimeContext().getState(d);
  }

  @Override
  public void processElement(Cdr call, Context ctx, Collector<EnrichedCall> out) throws Exception {
    CalleeState s = state.value();
    if (s == null) {
      s = new CalleeState();
    }
    long before = s.lastSeen;
    EnrichedCall enriched = logic.onCall(s, call, alert -> ctx.output(ALERTS, alert));
    state.update(s);
    Cleanup.schedule(ctx.timerService(), before, s.lastSeen, settings);
    out.collect(enriched);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedCall> out) throws Exception {
    CalleeState s = state.value();
    if (s != null && Cleanup.at(s.lastSeen, settings) <= timestamp) {
      state.clear();
    }
  }
}
