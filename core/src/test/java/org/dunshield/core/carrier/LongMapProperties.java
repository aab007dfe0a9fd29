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

  @Property(tries = 200)
  void computeIfAbsentMakesAValueOnlyForAnAbsentKeyAndKeepsItThroughGrowth(
      @ForAll @Size(max = 400) List<@LongRange(min = 1, max = 2_000) Long> keys) {
    LongMap<long[]> map = new LongMap<>(4);
    Map<Long, long[]> expected = new HashMap<>();
    int[] made = {0};
    for (long k : keys) {
      long[] got = map.computeIfAbsent(k, () -> {
        made[0]++;
        return new long[] {k};
      });
      assertThat(got).isSameAs(expected.computeIfAbsent(k, x -> got));
    }
    assertThat(made[0]).isEqualTo(expected.size());
    assertThat(map.size()).isEqualTo(expected.size());
    for (long k = 1; k <= 2_000; k++) {
      assertThat(map.get(k)).isSameAs(expected.get(k));
    }
  }
}
