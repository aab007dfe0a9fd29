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
 * The local reputation index: every published number and block label in {@link PackedTable}s,
 * 8 bytes a slot at a load of at most 0.75 (100,000,000 numbers in 1 GiB), one cache miss per
 * lookup. Loaded from a snapshot, kept current with deltas applied in place, or rebuilt from a new
 * snapshot off to the side and swapped in atomically. Lookups never block and never record
 * anything; they may run on any number of threads while one thread applies or rebuilds.
 */
public final class ReputationIndex implements ReputationLookup {
  private static final Map<org.dunshield.core.screen.Category, Integer> NONE = Map.of();

  /** One consistent set of tables. */
  private static final class State {
    final long version;
    final PackedTable numbers;
    final PackedTable blocks100;
    final PackedTable blocks10000;
    final long size;

    State(long version, PackedTable numbers, PackedTable blocks100, PackedTable blocks10000, long size) {
      this.version = version;
      this.numbers = numbers;
      this.blocks100 = blocks100;
      this.blocks10000 = blocks10000;
      this.size = size;
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
    return new ReputationIndex(threshold, new State(0, PackedTable.forEntries(0), PackedTable.forEntries(0),
        PackedTable.forEntries(0), 0));
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
    private long size;
    private PackedTable b100 = PackedTable.forEntries(1_024);
    private PackedTable b10000 = PackedTable.forEntries(1_024);

    private Builder(long expected, long version) {
      this.version = version;
      this.numbers = PackedTable.forEntries(expected);
    }

    /** Adds (or replaces) a number's label; numbers longer than 15 digits are refused. */
    public Builder number(long digits, int label) {
      Label.check(label);
      if (label != 0) {
        if (numbers.used() + 1 > numbers.capacity() * PackedTable.GROW_LOAD) {
          numbers = numbers.grown(numbers.capacity() / 2);
        }
        long before = numbers.used();
        numbers.insertFresh(digits, label);
        size += numbers.used() - before;
      }
      return this;
    }

    public Builder block(int size, long prefix, int label) {
      Label.check(label);
      if (size == 100) {
        b100 = putGrowing(b100, prefix, label);
      } else if (size == 10_000) {
        b10000 = putGrowing(b10000, prefix, label);
      } else {
        throw new IllegalArgumentException("block size is 100 or 10000");
      }
      return this;
    }

    public ReputationIndex build(double threshold) {
      return new ReputationIndex(threshold, new State(version, numbers, b100, b10000, size));
    }
  }

  private static PackedTable putGrowing(PackedTable table, long key, int label) {
    if (table.put(key, label) == PackedTable.FULL) {
      table = table.grown(table.capacity());
      table.put(key, label);
    }
    return table;
  }

  private static State read(InputStream in) throws IOException {
    SnapshotReader r = SnapshotReader.snapshot(in);
    PackedTable numbers = PackedTable.forEntries(r.numberCount());
    while (r.nextNumber()) {
      numbers.insertFresh(r.digits(), r.label());
    }
    PackedTable b100 = PackedTable.forEntries(Math.max(16, r.blockCount()));
    PackedTable b10000 = PackedTable.forEntries(Math.max(16, r.blockCount()));
    while (r.nextBlock()) {
      (r.blockSize() == 100 ? b100 : b10000).insertFresh(r.blockPrefix(), r.label());
    }
    r.finish();
    return new State(r.version(), numbers, b100, b10000, r.numberCount());
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
   * Applies a delta in place: readers see each entry before or after its change. The delta is read
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
    int i = 0;
    while (r.nextNumber()) {
      keys[i] = r.digits();
      labels[i++] = r.label();
    }
    int b = r.blockCount();
    int[] sizes = new int[b];
    long[] prefixes = new long[b];
    int[] blockLabels = new int[b];
    int j = 0;
    while (r.nextBlock()) {
      sizes[j] = r.blockSize();
      prefixes[j] = r.blockPrefix();
      blockLabels[j++] = r.label();
    }
    r.finish();
    PackedTable numbers = s.numbers;
    long size = s.size;
    for (int k = 0; k < i; k++) {
      int previous = numbers.put(keys[k], labels[k]);
      if (previous == PackedTable.FULL) {
        numbers = numbers.grown(i - k);
        state = new State(s.version, numbers, s.blocks100, s.blocks10000, size); // swap before going on
        previous = numbers.put(keys[k], labels[k]);
      }
      size += (previous == 0 ? 0 : -1) + (labels[k] == 0 ? 0 : 1);
    }
    PackedTable b100 = s.blocks100;
    PackedTable b10000 = s.blocks10000;
    for (int k = 0; k < j; k++) {
      if (sizes[k] == 100) {
        b100 = putGrowing(b100, prefixes[k], blockLabels[k]);
      } else {
        b10000 = putGrowing(b10000, prefixes[k], blockLabels[k]);
      }
    }
    state = new State(r.version(), numbers, b100, b10000, size);
  }

  /** The raw label of a number's own entry (0 when none): the hot path, one probe sequence. */
  public int label(long digits) {
    return PackedTable.validKey(digits) ? state.numbers.get(digits) : 0;
  }

  @Override
  public Reputation lookup(PhoneNumber number, Instant at) {
    State s = state;
    long digits = number.digits();
    if (!PackedTable.validKey(digits)) {
      return Reputation.unknown(number, false);
    }
    int own = s.numbers.get(digits);
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
    return s.numbers.footprintBytes() + s.blocks100.footprintBytes() + s.blocks10000.footprintBytes();
  }

  public double threshold() {
    return threshold;
  }
}
