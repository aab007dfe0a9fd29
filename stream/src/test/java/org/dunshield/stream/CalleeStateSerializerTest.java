package org.dunshield.stream;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.dunshield.core.carrier.CalleeState;

/** Flink's serializer contract (copy, round trips, snapshots, duplicates) for {@link CarrierTypes}' CalleeState. */
class CalleeStateSerializerTest extends SerializerTestBase<CalleeState> {
  CalleeStateSerializerTest() {
    super(CarrierStates.EQUALS);
  }

  @Override
  protected TypeSerializer<CalleeState> createSerializer() {
    return CarrierTypes.CalleeStateSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<CalleeState> getTypeClass() {
    return CalleeState.class;
  }

  @Override
  protected CalleeState[] getTestData() {
    return CarrierStates.CALLEES.toArray(new CalleeState[0]);
  }
}
