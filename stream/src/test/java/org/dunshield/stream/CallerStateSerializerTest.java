package org.dunshield.stream;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.dunshield.core.carrier.CallerState;

/** Flink's serializer contract (copy, round trips, snapshots, duplicates) for {@link CarrierTypes}' CallerState. */
class CallerStateSerializerTest extends SerializerTestBase<CallerState> {
  CallerStateSerializerTest() {
    super(CarrierStates.EQUALS);
  }

  @Override
  protected TypeSerializer<CallerState> createSerializer() {
    return CarrierTypes.CallerStateSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<CallerState> getTypeClass() {
    return CallerState.class;
  }

  @Override
  protected CallerState[] getTestData() {
    return CarrierStates.CALLERS.toArray(new CallerState[0]);
  }
}
