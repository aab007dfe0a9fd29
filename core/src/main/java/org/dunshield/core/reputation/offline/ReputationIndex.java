package org.dunshield.core.reputation.offline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.BlockLabel;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.ReputationLookup;

/**
 * The local reputation index: every published number and block label in ordered {@link PackedTable}s,
 * 8 bytes a slot at a load of at most 0.75 (100,000,000 numbers in 1.07 GB, 10.7 bytes a number),
 * about one cache miss per lookup whether the number is there or not. Loaded from a snapshot; kept
 * current with deltas: a delta changes labels in place and puts numbers new since the snapshot into
 * a small side table that is copied and swapped in; a new snapshot is built beside the old tables and
 * swapped in at once ({@link #rebuild}). Lookups never block and never record anything; they may run
 * on any number of threads while one thread applies or rebuilds.
 */
public final class ReputationIndex implements ReputationLookup {
  private static final Map<org.dunshield.core.screen.Category, Integer> NONE = Map.of();
  private static final PackedTable EMPTY = PackedTable.forEntries(0);
  /** Side tables up to this size are copied per delta; larger ones are folded into a new main table. */
  private static final int MERGE_AT = 1 << 20;

  /** One consistent set of tables. */
  private static final class State {
    final long version;
    final PackedTable numbers;
    /** Numbers added by deltas since the last snapshot (the main table never moves keys once shared). */
    final PackedTable added;
    final PackedTable blocks100;
    final PackedTable blocks10000;
    final long size;

    State(long version, PackedTable numbers, PackedTable added, PackedTable blocks100, PackedTable blocks10000,
        long size) {
      this.version = version;
      this.numbers = numbers;
      this.added = added;
      this.blocks100 = blocks100;
      this.blocks10000 = blocks10000;
      this.size = size;
    }

    int label(long digits) {
      int own = numbers.get(digits);
      return own != 0 || added == EMPTY ? own : added.get(digits);
    }
  }

  private final double threshold;
  private volatile State state;

  private ReputationIndex(double threshold, State state) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1");
    }
    this.threshold = threshold;
    this.state = state;
  }

  /** An index with nothing in it (version 0). */
  public static ReputationIndex empty(double threshold) {
    return new ReputationIndex(threshold, new State(0, EMPTY, EMPTY, EMPTY, EMPTY, 0));
  }

  /** Loads a snapshot; labels settle at {@code threshold} (a number's own label first, then its blocks). */
  public static ReputationIndex load(InputStream snapshot, double threshold) throws IOException {
    return new ReputationIndex(threshold, read(snapshot));
  }

  /** Builds an index directly, without a snapshot file (tests and benchmarks). */
  public static Builder builder(long expectedNumbers, long version) {
    return new Builder(expectedNumbers, version);
  }

  /** Fills a fresh index; not thread-safe. */
  public static final class Builder {
    private final long version;
    private PackedTable numbers;
    private final java.util.Map<Long, Integer> blocks100 = new java.util.HashMap<>();
    private final java.util.Map<Long, Integer> blocks10000 = new java.util.HashMap<>();

    private Builder(long expected, long version) {
      this.version = version;
      this.numbers = PackedTable.forEntries(expected);
    }

    /** Adds (or replaces) a number's label; numbers longer than 15 digits are refused. */
    public Builder number(long digits, int label) {
      Label.check(label);
      if (label != 0) {
        if (!numbers.hasRoom(PackedTable.MAX_LOAD)) {
          numbers = numbers.grown(numbers.capacity() / 2);
        }
        numbers.insert(digits, label);
      }
      return this;
    }

    public Builder block(int size, long prefix, int label) {
      Label.check(label);
      if (size != 100 && size != 10_000) {
        throw new IllegalArgumentException("block size is 100 or 10000");
      }
      (size == 100 ? blocks100 : blocks10000).put(prefix, label);
      return this;
    }

    public ReputationIndex build(double threshold) {
      return new ReputationIndex(threshold, new State(version, numbers, EMPTY, table(blocks100), table(blocks10000),
          numbers.used()));
    }
  }

  private static PackedTable table(java.util.Map<Long, Integer> entries) {
    PackedTable t = PackedTable.forEntries(entries.size());
    entries.forEach((k, v) -> {
      if (v != 0) {
        t.insert(k, v);
      }
    });
    return t;
  }

  private static State read(InputStream in) throws IOException {
    SnapshotReader r = SnapshotReader.snapshot(in);
    PackedTable numbers = PackedTable.forEntries(r.numberCount());
    while (r.nextNumber()) {
      numbers.insert(r.digits(), r.label());
    }
    java.util.Map<Long, Integer> b100 = new java.util.HashMap<>();
    java.util.Map<Long, Integer> b10000 = new java.util.HashMap<>();
    while (r.nextBlock()) {
      (r.blockSize() == 100 ? b100 : b10000).put(r.blockPrefix(), r.label());
    }
    r.finish();
    return new State(r.version(), numbers, EMPTY, table(b100), table(b10000), r.numberCount());
  }

  /**
   * Replaces everything with a new snapshot. The new tables are built beside the old ones (so a
   * rebuild needs room for both) and swapped in at once; lookups meanwhile use the old ones. A
   * corrupt snapshot changes nothing.
   */
  public synchronized void rebuild(InputStream snapshot) throws IOException {
    state = read(snapshot);
  }

  /**
   * Applies a delta: changed and removed labels in place (readers see each entry before or after
   * its change), new numbers through a copied side table swapped in at the end. The delta is read
   * and checked completely before anything changes.
   *
   * @throws IOException when the delta is corrupt or does not start at this index's version
   */
  public synchronized void apply(InputStream delta) throws IOException {
    SnapshotReader r = SnapshotReader.delta(delta);
    State s = state;
    if (r.baseVersion() != s.version) {
      throw new IOException("the delta applies to version " + r.baseVersion() + ", this index is at " + s.version
          + "; download a full snapshot");
    }
    int n = (int) Math.min(Integer.MAX_VALUE - 8, r.numberCount());
    long[] keys = new long[n];
    int[] labels = new int[n];
    int count = 0;
    while (r.nextNumber()) {
      keys[count] = r.digits();
      labels[count++] = r.label();
    }
    java.util.Map<Long, Integer> b100 = entries(s.blocks100);
    java.util.Map<Long, Integer> b10000 = entries(s.blocks10000);
    while (r.nextBlock()) {
      (r.blockSize() == 100 ? b100 : b10000).put(r.blockPrefix(), r.label());
    }
    r.finish();
    java.util.Map<Long, Integer> added = entries(s.added);
    long size = s.size;
    for (int k = 0; k < count; k++) {
      int before = s.label(keys[k]);
      if (!s.numbers.update(keys[k], labels[k])) {
        added.put(keys[k], labels[k]);
      }
      size += (before == 0 ? 0 : -1) + (labels[k] == 0 ? 0 : 1);
    }
    added.values().removeIf(v -> v == 0);
    PackedTable numbers = s.numbers;
    if (added.size() > Math.max(MERGE_AT, numbers.capacity() / 8)) {
      numbers = numbers.grown(added.size()); // fold the side table into a new main table, swapped in below
      for (java.util.Map.Entry<Long, Integer> e : added.entrySet()) {
        numbers.insert(e.getKey(), e.getValue());
      }
      added.clear();
    }
    state = new State(r.version(), numbers, added.isEmpty() ? EMPTY : table(added), table(b100), table(b10000), size);
  }

  private static java.util.Map<Long, Integer> entries(PackedTable t) {
    java.util.Map<Long, Integer> m = new java.util.HashMap<>();
    t.forEach(slot -> m.put(slot >>> Label.BITS, (int) (slot & Label.MASK)));
    return m;
  }

  /** The raw label of a number's own entry (0 when none): the hot path, one probe sequence. */
  public int label(long digits) {
    return PackedTable.validKey(digits) ? state.label(digits) : 0;
  }

  @Override
  public Reputation lookup(PhoneNumber number, Instant at) {
    State s = state;
    long digits = number.digits();
    if (!PackedTable.validKey(digits)) {
      return Reputation.unknown(number, false);
    }
    int own = s.label(digits);
    if (own != 0 && Label.score(own) >= threshold) {
      return fromLabel(number, own);
    }
    if (digits >= BlockLabel.MIN_DIGITS_VALUE) {
      int b = s.blocks100.get(digits / 100);
      int size = 100;
      if (b == 0 || Label.score(b) < threshold) {
        b = s.blocks10000.get(digits / 10_000);
        size = 10_000;
      }
      if (b != 0 && Label.score(b) >= threshold) {
        BlockLabel block = new BlockLabel(size, digits / size, Label.category(b), Label.score(b), Label.supporters(b), 0);
        Reputation base = own != 0 ? fromLabel(number, own) : Reputation.unknown(number, false);
        return new Reputation(number, block.category(), block.score(), base.confidence(), base.reporters(),
            base.supporters(), base.approximate(), null, null, base.disputed(),
            size == 100 ? Reputation.Source.BLOCK_100 : Reputation.Source.BLOCK_10000, block, NONE);
      }
    }
    return own != 0 ? fromLabel(number, own) : Reputation.unknown(number, false);
  }

  private static Reputation fromLabel(PhoneNumber number, int label) {
    int supporters = Label.supporters(label);
    return new Reputation(number, Label.category(label), Label.score(label), 0, supporters, supporters,
        Label.approximate(label), null, null, Label.disputed(label), Reputation.Source.NUMBER, null, NONE);
  }

  /** The published version the index holds. */
  public long version() {
    return state.version;
  }

  /** Numbers with a label. */
  public long size() {
    return state.size;
  }

  /** Heap bytes of the tables. */
  public long footprintBytes() {
    State s = state;
    return s.numbers.footprintBytes() + s.added.footprintBytes() + s.blocks100.footprintBytes()
        + s.blocks10000.footprintBytes();
  }

  public double threshold() {
    return threshold;
  }
}
