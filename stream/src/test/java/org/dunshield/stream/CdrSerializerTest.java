package org.dunshield.stream;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.dunshield.core.carrier.Cdr;

/** Flink's serializer contract (copy, round trips, snapshots, duplicates) for {@link CarrierTypes}' Cdr. */
class CdrSerializerTest extends SerializerTestBase<Cdr> {
  CdrSerializerTest() {
    super(CarrierStates.EQUALS);
  }

  @Override
  protected TypeSerializer<Cdr> createSerializer() {
    return CarrierTypes.CdrSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<Cdr> getTypeClass() {
    return Cdr.class;
  }

  @Override
  protected Cdr[] getTestData() {
    return CarrierStates.CALLS.toArray(new Cdr[0]);
  }
}
