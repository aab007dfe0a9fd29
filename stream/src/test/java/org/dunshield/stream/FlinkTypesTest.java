package org.dunshield.stream;

import org.apache.flink.types.PojoTestUtils;
import org.dunshield.core.carrier.CalleeState;
import org.dunshield.core.carrier.CallerState;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;
import org.junit.jupiter.api.Test;

/** Everything that flows or is stored is a Flink POJO, never a Kryo generic type. */
class FlinkTypesTest {
  @Test
  void recordsAndStatesAreSerializedAsPojos() {
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(Cdr.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(EnrichedCall.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(CalleeState.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(CallerState.class);
  }
}
