package org.dunshield.core.reputation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RangeIndexTest {
  @Test
  void theHashIsSha256OfTheE164String() {
    assertThat(NumberHash.hex("+8617188880001")).hasSize(64)
        .isEqualTo(NumberHash.hex("+8617188880001")).isNotEqualTo(NumberHash.hex("+8617188880002"));
    assertThat(NumberHash.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void withTheDefaultMinimumTenThousandEntriesAnswerOneDigitPrefixes() throws IOException {
    Set<Long> numbers = new HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      numbers.add(8_617_188_800_000L + i * 7);
    }
    RangeIndex index = RangeIndex.of(RangeIndexProperties.publication(numbers), RangeIndex.DEFAULT_MINIMUM);
    assertThat(index.prefixLength()).isEqualTo(1); // 256 buckets would average 39 < 50
    RangeIndex.Answer a = index.answer("A");
    assertThat(a.prefix()).isEqualTo("a");
    assertThat(a.entries().size()).isBetween(500, 750);
    assertThatThrownBy(() -> index.answer("ab")).hasMessageContaining("1 to 1 hex digits");
    assertThatThrownBy(() -> index.answer("g")).hasMessageContaining("hex digits");
  }
}
