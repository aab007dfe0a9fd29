package org.dunshield.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive map answers like a {@link HashMap} through growth, for present and absent keys. */
class LongIntHashMapTest {
  @Test
  void answersLikeAHashMapAfterGrowingFromNothing() {
    Random random = new Random(11);
    LongIntHashMap map = new LongIntHashMap(0);
    Map<Long, Integer> reference = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long key = 8613000000000L + random.nextInt(50_000);
      assertThat(map.put(key, i)).isEqualTo(reference.containsKey(key) ? reference.get(key) : LongIntHashMap.MISSING);
      reference.put(key, i);
    }
    assertThat(map.size()).isEqualTo(reference.size());
    for (long key = 8613000000000L; key < 8613000000000L + 50_000; key++) {
      assertThat(map.containsKey(key)).isEqualTo(reference.containsKey(key));
      assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, LongIntHashMap.MISSING));
    }
  }
}
