package org.dunshield.stream;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.dunshield.core.carrier.CallerLogic;
import org.dunshield.core.carrier.CallerState;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NumberFlag;

/**
 * The caller side, keyed by caller: runs {@link CallerLogic} on the caller's {@link CallerState} and
 * emits a {@link NumberFlag} the first time the evidence is enough. Idle state is cleared like the
 * callee side's ({@link Cleanup}). The job runs it on RocksDB; on the heap backend
 * it runs {@link CallerOperator}.
 */
public final class CallerFunction extends KeyedProcessFunction<Long, EnrichedCall, NumberFlag> {
  private static final long serialVersionUID = 1L;

  private final CarrierSettings settings;
  private final KnownNumbers known;
  private transient CallerLogic logic;
  private transient ValueState<CallerState> state;

  public CallerFunction(CarrierSettings settings, KnownNumbers known) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.known = Objects.requireNonNull(known, "known");
  }

  @Override
  public void open(OpenContext context) {
    logic = new CallerLogic(settings, known);
    ValueStateDescriptor<CallerState> d = new ValueStateDescriptor<>("caller", CarrierTypes.CALLER_STATE);
    d.enableTimeToLive(Cleanup.ttl(settings));
    state = getRuntimeContext().getState(d);
  }

  @Override
  public void processElement(EnrichedCall call, Context ctx, Collector<NumberFlag> out) throws Exception {
    CallerState s = state.value();
    if (s == null) {
      s = new CallerState();
    }
    long before = s.lastSeen;
    NumberFlag flag = logic.onCall(s, call);
    state.update(s);
    Cleanup.schedule(ctx.timerService(), before, s.lastSeen, settings);
    if (flag != null) {
      out.collect(flag);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<NumberFlag> out) throws Exception {
    CallerState s = state.value();
    if (s != null && Cleanup.at(s.lastSeen, settings) <= timestamp) {
      state.clear();
    }
  }
}
