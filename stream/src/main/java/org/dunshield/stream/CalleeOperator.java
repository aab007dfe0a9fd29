package org.dunshield.stream;

import java.util.function.Consumer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CalleeLogic;
import org.dunshield.core.carrier.CalleeState;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;

/**
 * The callee side for the heap state backend: {@link CalleeFunction}'s logic, outputs and cleanup,
 * on the operator's own state ({@link NumberStateOperator}). Attack alerts go to
 * {@link CalleeFunction#ALERTS}, enriched calls downstream, both with the call's timestamp.
 */
final class CalleeOperator extends NumberStateOperator<Cdr, EnrichedCall, CalleeState> {
  private static final long serialVersionUID = 1L;
  private transient CalleeLogic logic;
  private transient StreamRecord<AttackAlert> alert;
  /** The call being handled, whose timestamp its alerts take. */
  private transient StreamRecord<Cdr> current;
  /** Sends an alert to the side output: made once, not per call. */
  private transient Consumer<AttackAlert> alerts;

  CalleeOperator(CarrierSettings settings) {
    super(settings, CarrierTypes.CalleeStateSerializer.INSTANCE);
  }

  @Override
  public void open() throws Exception {
    super.open();
    logic = new CalleeLogic(settings);
    alert = new StreamRecord<>(null);
    alerts = a -> output.collect(CalleeFunction.ALERTS, stamped(alert, a, current));
  }

  @Override
  long key(Cdr call) {
    return call.callee();
  }

  @Override
  long lastSeen(CalleeState state) {
    return state.lastSeen;
  }

  @Override
  void process(CalleeState state, StreamRecord<Cdr> record) {
    current = record;
    EnrichedCall enriched = logic.onCall(state, record.getValue(), alerts);
    output.collect(record.replace(enriched));
  }
}
