package org.dunshield.core.reputation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Snapshots read back to what was written, and an index plus a delta equals the newer snapshot. */
class SnapshotRoundTripProperties {
  private static byte[] snapshot(long version, Map<Long, Integer> numbers, Map<Long, Integer> blocks100)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotWriter w = SnapshotWriter.snapshot(out, version, numbers.size(), blocks100.size());
    for (Map.Entry<Long, Integer> e : numbers.entrySet()) {
      w.number(e.getKey(), e.getValue());
    }
    for (Map.Entry<Long, Integer> e : blocks100.entrySet()) {
      w.block(100, e.getKey(), e.getValue());
    }
    w.finish();
    return out.toByteArray();
  }

  @Property(tries = 300)
  void aSnapshotReadsBackEntryForEntry(@ForAll("entries") Map<Long, Integer> numbers,
      @ForAll("blocks") Map<Long, Integer> blocks) throws IOException {
    SnapshotReader r = SnapshotReader.snapshot(new ByteArrayInputStream(snapshot(7, numbers, blocks)));
    assertThat(r.version()).isEqualTo(7);
    Map<Long, Integer> read = new TreeMap<>();
    while (r.nextNumber()) {
      read.put(r.digits(), r.label());
    }
    Map<Long, Integer> readBlocks = new TreeMap<>();
    while (r.nextBlock()) {
      readBlocks.put(r.blockPrefix(), r.label());
    }
    r.finish();
    assertThat(read).isEqualTo(numbers);
    assertThat(readBlocks).isEqualTo(blocks);
  }

  @Property(tries = 200)
  void anIndexWithADeltaAnswersLikeTheNewerSnapshot(@ForAll("entries") Map<Long, Integer> older,
      @ForAll("entries") Map<Long, Integer> newer) throws IOException {
    Publication a = Publication.read(new ByteArrayInputStream(snapshot(1, older, Map.of())));
    Publication b = Publication.read(new ByteArrayInputStream(snapshot(2, newer, Map.of())));
    ByteArrayOutputStream delta = new ByteArrayOutputStream();
    b.writeDeltaFrom(a, delta);
    ReputationIndex index = ReputationIndex.load(new ByteArrayInputStream(snapshot(1, older, Map.of())), 0.6);
    index.apply(new ByteArrayInputStream(delta.toByteArray()));
    assertThat(index.version()).isEqualTo(2);
    assertThat(index.size()).isEqualTo(newer.size());
    for (long key : older.keySet()) {
      assertThat(index.label(key)).isEqualTo(newer.getOrDefault(key, 0));
    }
    for (Map.Entry<Long, Integer> e : newer.entrySet()) {
      assertThat(index.label(e.getKey())).isEqualTo(e.getValue());
    }
  }

  @Property(tries = 200)
  void aSnapshotWithADeltaEqualsTheNewerSnapshot(@ForAll("entries") Map<Long, Integer> older,
      @ForAll("entries") Map<Long, Integer> newer, @ForAll("blocks") Map<Long, Integer> olderBlocks,
      @ForAll("blocks") Map<Long, Integer> newerBlocks) throws IOException {
    Publication a = Publication.read(new ByteArrayInputStream(snapshot(1, older, olderBlocks)));
    byte[] newerBytes = snapshot(2, newer, newerBlocks);
    Publication b = Publication.read(new ByteArrayInputStream(newerBytes));
    ByteArrayOutputStream delta = new ByteArrayOutputStream();
    b.writeDeltaFrom(a, delta);
    Publication merged = a.withDelta(new ByteArrayInputStream(delta.toByteArray()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    merged.writeSnapshot(out);
    assertThat(out.toByteArray()).isEqualTo(newerBytes);
  }

  @Provide
  Arbitrary<Map<Long, Integer>> entries() {
    Arbitrary<Long> keys = Arbitraries.oneOf(
        Arbitraries.longs().between(8_613_000_000_000L, 8_613_000_000_400L), // dense: tiny deltas
        Arbitraries.longs().between(1, PackedTable.MAX_KEY));
    Arbitrary<Integer> labels = Arbitraries.integers().between(1, Label.MASK);
    return Arbitraries.maps(keys, labels).ofMaxSize(300).map(TreeMap::new);
  }

  @Provide
  Arbitrary<Map<Long, Integer>> blocks() {
    return Arbitraries.maps(Arbitraries.longs().between(1, 1L << 45), Arbitraries.integers().between(1, Label.MASK))
        .ofMaxSize(10).map(TreeMap::new);
  }
}
