package org.dunshield.core.reputation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunshield.core.reputation.offline.Label;
import org.dunshield.core.reputation.offline.Publication;
import org.dunshield.core.reputation.offline.SnapshotWriter;
import org.dunshield.core.screen.Category;

/** Privacy: every range answer covers at least the documented minimum of entries, whatever is published. */
class RangeIndexProperties {
  static Publication publication(Set<Long> numbers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotWriter w = SnapshotWriter.snapshot(out, 1, numbers.size(), 0);
    for (long n : new TreeSet<>(numbers)) {
      w.number(n, Label.encode(Category.DEBT_COLLECTION, 0.8, 2, false));
    }
    w.finish();
    return Publication.read(new ByteArrayInputStream(out.toByteArray()));
  }

  @Property(tries = 60)
  void everyAnswerCoversAtLeastTheMinimum(@ForAll("numbers") Set<Long> numbers,
      @ForAll @IntRange(min = 1, max = 60) int minimum) throws IOException {
    RangeIndex index = RangeIndex.of(publication(numbers), minimum);
    int length = index.prefixLength();
    if (length == 0) {
      assertThatThrownBy(() -> index.answer("a")).hasMessageContaining("download the snapshot");
      return;
    }
    int total = 0;
    long buckets = 1L << (4 * length);
    for (long b = 0; b < buckets; b++) {
      String prefix = String.format("%0" + length + "x", b);
      int size = index.answer(prefix).entries().size();
      assertThat(size).as("prefix %s", prefix).isGreaterThanOrEqualTo(minimum);
      total += size;
      if (length > 1 && b % 97 == 0) {
        assertThat(index.answer(prefix.substring(0, length - 1)).entries().size()).isGreaterThanOrEqualTo(minimum);
      }
    }
    assertThat(total).as("the buckets partition the entries").isEqualTo(numbers.size());
    assertThatThrownBy(() -> index.answer("0".repeat(length + 1))).hasMessageContaining("hex digits");
  }

  @Property(tries = 60)
  void theAskedNumberIsInItsAnswerAndTheServerSeesOnlyThePrefix(@ForAll("numbers") Set<Long> numbers) throws IOException {
    RangeIndex index = RangeIndex.of(publication(numbers), 5);
    if (index.prefixLength() == 0) {
      return;
    }
    for (long n : numbers) {
      String hash = NumberHash.hex("+" + n);
      RangeIndex.Answer a = index.answer(hash.substring(0, index.prefixLength()));
      assertThat(a.entries()).extracting(RangeIndex.Entry::hash).contains(hash);
      assertThat(a.entries()).allSatisfy(e -> assertThat(e.hash()).startsWith(a.prefix()));
    }
  }

  @Provide
  Arbitrary<Set<Long>> numbers() {
    return Arbitraries.longs().between(8_613_000_000_000L, 8_619_999_999_999L).set().ofMaxSize(3_000);
  }
}
