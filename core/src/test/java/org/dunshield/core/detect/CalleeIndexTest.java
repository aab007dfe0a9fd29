package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CalleeIndexTest {
  /** Any sequence of puts and removals leaves the index agreeing with a HashMap. */
  @Property(tries = 300)
  void agreesWithAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = -60, max = 60) Integer> ops) {
    CalleeIndex index = new CalleeIndex(2);
    Map<Long, Integer> expected = new HashMap<>();
    int step = 0;
    for (int op : ops) {
      long key = Math.abs(op) * 1_000_003L;
      if (op >= 0) {
        index.put(key, step);
        expected.put(key, step);
      } else {
        index.remove(key);
        expected.remove(key);
      }
      step++;
    }
    assertThat(index.size()).isEqualTo(expected.size());
    for (long k = 0; k <= 60; k++) {
      long key = k * 1_000_003L;
      assertThat(index.get(key)).isEqualTo(expected.getOrDefault(key, CalleeIndex.MISSING));
    }
  }
}
