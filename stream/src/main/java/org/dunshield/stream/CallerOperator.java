package org.dunshield.stream;

import java.util.Objects;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.dunshield.core.carrier.CallerLogic;
import org.dunshield.core.carrier.CallerState;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NumberFlag;

/**
 * The caller side for the heap state backend: {@link CallerFunction}'s logic, outputs and cleanup,
 * on the operator's own state ({@link NumberStateOperator}). A flag carries the timestamp of the
 * call that raised it.
 */
final class CallerOperator extends NumberStateOperator<EnrichedCall, NumberFlag, CallerState> {
  private static final long serialVersionUID = 1L;
  private final KnownNumbers known;
  private transient CallerLogic logic;
  private transient StreamRecord<NumberFlag> flag;

  CallerOperator(CarrierSettings settings, KnownNumbers known) {
    super(settings, CarrierTypes.CallerStateSerializer.INSTANCE);
    this.known = Objects.requireNonNull(known, "known");
  }

  @Override
  public void open() throws Exception {
    super.open();
    logic = new CallerLogic(settings, known);
    flag = new StreamRecord<>(null);
  }

  @Override
  long key(EnrichedCall call) {
    return call.call().caller();
  }

  @Override
  long lastSeen(CallerState state) {
    return state.lastSeen;
  }

  @Override
  void process(CallerState state, StreamRecord<EnrichedCall> record) {
    NumberFlag f = logic.onCall(state, record.getValue());
    if (f != null) {
      output.collect(stamped(flag, f, record));
    }
  }
}
