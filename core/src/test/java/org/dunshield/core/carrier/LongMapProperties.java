package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongMapProperties {
  @Property(tries = 200)
  void behavesLikeAHashMapThroughGrowthAndRemoval(
      @ForAll @Size(max = 400) List<@LongRange(min = 1, max = 5_000) Long> keys, @ForAll @LongRange(min = 1, max = 5_000) long cut) {
    LongMap<Long> map = new LongMap<>(4);
    Map<Long, Long> expected = new HashMap<>();
    for (long k : keys) {
      map.put(k, k * 3);
      expected.put(k, k * 3);
    }
    map.removeIf(v -> v < cut * 3);
    expected.values().removeIf(v -> v < cut * 3);
    assertThat(map.size()).isEqualTo(expected.size());
    for (long k = 1; k <= 5_000; k += 7) {
      assertThat(map.get(k)).isEqualTo(expected.get(k));
    }
    for (long k : keys) {
      assertThat(map.get(k)).isEqualTo(expected.get(k));
    }
  }
}
