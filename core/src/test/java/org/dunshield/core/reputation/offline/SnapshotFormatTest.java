package org.dunshield.core.reputation.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

class SnapshotFormatTest {
  private static byte[] small() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotWriter w = SnapshotWriter.snapshot(out, 42, 2, 1);
    w.number(8617188880001L, Label.encode(Category.DEBT_COLLECTION, 0.9, 312, false));
    w.number(8617188880002L, Label.encode(Category.FRAUD, 0.7, 3, true));
    w.block(100, 86171888800L, Label.encode(Category.DEBT_COLLECTION, 0.8, 5, false));
    w.finish();
    return out.toByteArray();
  }

  @Test
  void theLayoutIsMagicHeaderVarintDeltasLabelsAndCrc() throws IOException {
    byte[] b = small();
    assertThat(new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DUNSNAP1");
    // header 8 + 8 + 8 + 4; first key varint (7 bytes for 8.6e12) + label 2; step 1 (1 byte) + label 2;
    // block: 1 + varint (6 bytes) + 2; crc 4
    assertThat(b).hasSize(8 + 20 + 9 + 3 + 9 + 4);
  }

  @Test
  void labelsKeepCategoryScoreCountAndDispute() {
    int l = Label.encode(Category.DEBT_COLLECTION, 0.93, 312, true);
    assertThat(Label.category(l)).isEqualTo(Category.DEBT_COLLECTION);
    assertThat(Label.score(l)).isEqualTo(14 / 15.0);
    assertThat(Label.supporters(l)).isEqualTo(300);
    assertThat(Label.approximate(l)).isTrue();
    assertThat(Label.disputed(l)).isTrue();
    assertThat(Label.supporters(Label.encode(Category.FRAUD, 1, 7, false))).isEqualTo(7);
    assertThat(Label.supporters(Label.encode(Category.FRAUD, 1, 17, false))).isEqualTo(15);
    assertThat(l).isLessThanOrEqualTo(Label.MASK);
  }

  @Test
  void aDamagedFileIsRefused() throws IOException {
    byte[] b = small();
    byte[] flipped = b.clone();
    flipped[30] ^= 1;
    assertThatThrownBy(() -> ReputationIndex.load(new ByteArrayInputStream(flipped), 0.6))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> ReputationIndex.load(new ByteArrayInputStream(Arrays.copyOf(b, b.length - 3)), 0.6))
        .isInstanceOf(IOException.class);
    byte[] magic = b.clone();
    magic[0] = 'X';
    assertThatThrownBy(() -> ReputationIndex.load(new ByteArrayInputStream(magic), 0.6))
        .hasMessageContaining("bad magic");
    byte[] extra = Arrays.copyOf(b, b.length + 1);
    assertThatThrownBy(() -> ReputationIndex.load(new ByteArrayInputStream(extra), 0.6))
        .hasMessageContaining("after the checksum");
  }

  @Test
  void aWriterRefusesUnorderedOrMiscountedEntries() throws IOException {
    SnapshotWriter w = SnapshotWriter.snapshot(new ByteArrayOutputStream(), 1, 2, 0);
    w.number(5, 1);
    assertThatThrownBy(() -> w.number(5, 1)).hasMessageContaining("ascending");
    assertThatThrownBy(w::finish).hasMessageContaining("announced");
    assertThatThrownBy(() -> SnapshotWriter.snapshot(new ByteArrayOutputStream(), 1, 1, 0).number(1L << 51, 1))
        .hasMessageContaining("2^50");
  }

  @Test
  void aDeltaForAnotherVersionIsRefusedAndChangesNothing() throws IOException {
    ReputationIndex index = ReputationIndex.load(new ByteArrayInputStream(small()), 0.6);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotWriter w = SnapshotWriter.delta(out, 41, 43, 1, 0);
    w.number(8617188880001L, 0);
    w.finish();
    assertThatThrownBy(() -> index.apply(new ByteArrayInputStream(out.toByteArray())))
        .hasMessageContaining("applies to version 41, this index is at 42");
    assertThat(index.label(8617188880001L)).isNotZero();
  }
}
