package org.dunshield.stream;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.dunshield.core.carrier.EnrichedCall;

/** Flink's serializer contract (copy, round trips, snapshots, duplicates) for {@link CarrierTypes}' EnrichedCall. */
class EnrichedCallSerializerTest extends SerializerTestBase<EnrichedCall> {
  EnrichedCallSerializerTest() {
    super(CarrierStates.EQUALS);
  }

  @Override
  protected TypeSerializer<EnrichedCall> createSerializer() {
    return CarrierTypes.EnrichedCallSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<EnrichedCall> getTypeClass() {
    return EnrichedCall.class;
  }

  @Override
  protected EnrichedCall[] getTestData() {
    return CarrierStates.ENRICHED.toArray(new EnrichedCall[0]);
  }
}
