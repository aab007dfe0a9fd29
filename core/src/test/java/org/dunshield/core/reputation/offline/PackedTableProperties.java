package org.dunshield.core.reputation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The ordered table answers exactly like a map, for keys present and absent, through wrap-around and full loads. */
class PackedTableProperties {
  @Property(tries = 1_000)
  void answersLikeAMap(@ForAll("keys") List<Long> keys, @ForAll("keys") List<Long> probes,
      @ForAll @IntRange(min = 1, max = Label.MASK) int label) {
    PackedTable table = PackedTable.forEntries(keys.size());
    Map<Long, Integer> reference = new HashMap<>();
    int l = label;
    for (long k : keys) {
      table.insert(k, l);
      reference.put(k, l);
      l = l % Label.MASK + 1;
    }
    for (long k : keys) {
      assertThat(table.get(k)).isEqualTo(reference.get(k));
    }
    for (long k : probes) {
      assertThat(table.get(k)).isEqualTo(reference.getOrDefault(k, 0));
    }
    // in-place updates and deletions keep every other key findable
    for (int i = 0; i < keys.size(); i += 3) {
      long k = keys.get(i);
      assertThat(table.update(k, i % 2 == 0 ? 0 : 7)).isTrue();
      reference.put(k, i % 2 == 0 ? 0 : 7);
    }
    for (long k : probes) {
      assertThat(table.update(k, 5)).isEqualTo(reference.containsKey(k));
      if (reference.containsKey(k)) {
        reference.put(k, 5);
      }
    }
    reference.forEach((k, v) -> assertThat(table.get(k)).isEqualTo(v));
  }

  @Provide
  Arbitrary<List<Long>> keys() {
    return Arbitraries.oneOf(Arbitraries.longs().between(1, 64), Arbitraries.longs().between(1, PackedTable.MAX_KEY),
        Arbitraries.longs().between(8_613_800_000_000L, 8_613_800_000_300L)).list().ofMaxSize(300);
  }
}
