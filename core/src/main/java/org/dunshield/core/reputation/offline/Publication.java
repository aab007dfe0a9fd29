package org.dunshield.core.reputation.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import org.dunshield.core.reputation.Reputations;

/**
 * One published state of the reputation: every number whose label has a score of at least
 * {@value #MIN_SCORE} (benign ones too: they keep a number out of its block's label) and every
 * labelled block, in ascending order, stamped with a version (the publication time in epoch
 * milliseconds). What snapshots, deltas and range answers are made of. Immutable; thread-safe.
 */
public final class Publication {
  /** Numbers scoring lower are not published: too little evidence to tell anyone. */
  public static final double MIN_SCORE = 0.2;

  private final long version;
  private final long[] digits;
  private final int[] labels;
  private final int[] blockSizes;
  private final long[] blockPrefixes;
  private final int[] blockLabels;

  private Publication(long version, long[] digits, int[] labels, int[] blockSizes, long[] blockPrefixes,
      int[] blockLabels) {
    this.version = version;
    this.digits = digits;
    this.labels = labels;
    this.blockSizes = blockSizes;
    this.blockPrefixes = blockPrefixes;
    this.blockLabels = blockLabels;
  }

  /** Publishes the reputation as of {@code at}; the version is {@code at} in epoch milliseconds. */
  public static Publication of(Reputations reputations, Instant at) {
    return of(reputations, at, at.toEpochMilli());
  }

  /** Publishes the reputation as of {@code at} under {@code version} (positive, increasing per publisher). */
  public static Publication of(Reputations reputations, Instant at, long version) {
    if (version <= 0) {
      throw new IllegalArgumentException("a version is positive");
    }
    LongList keys = new LongList();
    IntList labels = new IntList();
    IntList sizes = new IntList();
    LongList prefixes = new LongList();
    IntList blockLabels = new IntList();
    reputations.publish(at, r -> {
      if (r.category() != null && r.score() >= MIN_SCORE && PackedTable.validKey(r.number().digits())) {
        keys.add(r.number().digits());
        labels.add(Label.of(r));
      }
    }, b -> {
      sizes.add(b.size());
      prefixes.add(b.prefix());
      blockLabels.add(Label.of(b));
    });
    return new Publication(version, keys.toArray(), labels.toArray(), sizes.toArray(), prefixes.toArray(),
        blockLabels.toArray());
  }

  /** Reads a snapshot back (a server keeps older ones to compute deltas from). */
  public static Publication read(InputStream in) throws IOException {
    SnapshotReader r = SnapshotReader.snapshot(in);
    if (r.numberCount() > Integer.MAX_VALUE - 8) {
      throw new IOException("snapshot too large to publish from");
    }
    int n = (int) r.numberCount();
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
    return new Publication(r.version(), keys, labels, sizes, prefixes, blockLabels);
  }

  /**
   * This publication with a delta applied: what a device keeps on disk between downloads.
   *
   * @throws IOException when the delta is corrupt or starts from another version
   */
  public Publication withDelta(InputStream delta) throws IOException {
    SnapshotReader r = SnapshotReader.delta(delta);
    if (r.baseVersion() != version) {
      throw new IOException("the delta applies to version " + r.baseVersion() + ", this snapshot is version " + version);
    }
    LongList changedKeys = new LongList();
    IntList changedLabels = new IntList();
    while (r.nextNumber()) {
      changedKeys.add(r.digits());
      changedLabels.add(r.label());
    }
    java.util.Map<Long, Integer> blocks = new java.util.TreeMap<>();
    for (int i = 0; i < blockSizes.length; i++) {
      blocks.put(blockKey(blockSizes[i], blockPrefixes[i]), blockLabels[i]);
    }
    while (r.nextBlock()) {
      long key = blockKey(r.blockSize(), r.blockPrefix());
      if (r.label() == 0) {
        blocks.remove(key);
      } else {
        blocks.put(key, r.label());
      }
    }
    r.finish();
    LongList keys = new LongList();
    IntList labelsOut = new IntList();
    int a = 0;
    int b = 0;
    while (a < digits.length || b < changedKeys.size()) {
      long ka = a < digits.length ? digits[a] : Long.MAX_VALUE;
      long kb = b < changedKeys.size() ? changedKeys.get(b) : Long.MAX_VALUE;
      if (kb <= ka) {
        if (changedLabels.get(b) != 0) {
          keys.add(kb);
          labelsOut.add(changedLabels.get(b));
        }
        if (kb == ka) {
          a++;
        }
        b++;
      } else {
        keys.add(ka);
        labelsOut.add(labels[a]);
        a++;
      }
    }
    IntList sizes = new IntList();
    LongList prefixes = new LongList();
    IntList newBlockLabels = new IntList();
    for (java.util.Map.Entry<Long, Integer> e : blocks.entrySet()) {
      sizes.add((e.getKey() & 1) == 0 ? 100 : 10_000);
      prefixes.add(e.getKey() >>> 1);
      newBlockLabels.add(e.getValue());
    }
    return new Publication(r.version(), keys.toArray(), labelsOut.toArray(), sizes.toArray(), prefixes.toArray(),
        newBlockLabels.toArray());
  }

  public long version() {
    return version;
  }

  /** Published numbers. */
  public int size() {
    return digits.length;
  }

  public int blocks() {
    return blockSizes.length;
  }

  /** The E.164 digits of the {@code i}-th number (ascending). */
  public long digitsAt(int i) {
    return digits[i];
  }

  public int labelAt(int i) {
    return labels[i];
  }

  public int blockSizeAt(int i) {
    return blockSizes[i];
  }

  public long blockPrefixAt(int i) {
    return blockPrefixes[i];
  }

  public int blockLabelAt(int i) {
    return blockLabels[i];
  }

  public void writeSnapshot(OutputStream out) throws IOException {
    SnapshotWriter w = SnapshotWriter.snapshot(out, version, digits.length, blockSizes.length);
    for (int i = 0; i < digits.length; i++) {
      w.number(digits[i], labels[i]);
    }
    for (int i = 0; i < blockSizes.length; i++) {
      w.block(blockSizes[i], blockPrefixes[i], blockLabels[i]);
    }
    w.finish();
  }

  /** Writes what changed from {@code older} to this publication: new and changed labels, and 0 for removals. */
  public void writeDeltaFrom(Publication older, OutputStream out) throws IOException {
    LongList keys = new LongList();
    IntList changed = new IntList();
    int a = 0;
    int b = 0;
    while (a < older.digits.length || b < digits.length) {
      long ka = a < older.digits.length ? older.digits[a] : Long.MAX_VALUE;
      long kb = b < digits.length ? digits[b] : Long.MAX_VALUE;
      if (ka == kb) {
        if (older.labels[a] != labels[b]) {
          keys.add(kb);
          changed.add(labels[b]);
        }
        a++;
        b++;
      } else if (ka < kb) {
        keys.add(ka);
        changed.add(0);
        a++;
      } else {
        keys.add(kb);
        changed.add(labels[b]);
        b++;
      }
    }
    IntList sizes = new IntList();
    LongList prefixes = new LongList();
    IntList newBlockLabels = new IntList();
    java.util.Map<Long, Integer> olderBlocks = older.blockLabelsByKey();
    java.util.Map<Long, Integer> newerBlocks = blockLabelsByKey();
    for (int i = 0; i < older.blockSizes.length; i++) {
      if (!newerBlocks.containsKey(blockKey(older.blockSizes[i], older.blockPrefixes[i]))) {
        sizes.add(older.blockSizes[i]);
        prefixes.add(older.blockPrefixes[i]);
        newBlockLabels.add(0);
      }
    }
    for (int i = 0; i < blockSizes.length; i++) {
      Integer o = olderBlocks.get(blockKey(blockSizes[i], blockPrefixes[i]));
      if (o == null || o != blockLabels[i]) {
        sizes.add(blockSizes[i]);
        prefixes.add(blockPrefixes[i]);
        newBlockLabels.add(blockLabels[i]);
      }
    }
    SnapshotWriter w = SnapshotWriter.delta(out, older.version, version, keys.size(), sizes.size());
    for (int i = 0; i < keys.size(); i++) {
      w.number(keys.get(i), changed.get(i));
    }
    for (int i = 0; i < sizes.size(); i++) {
      w.block(sizes.get(i), prefixes.get(i), newBlockLabels.get(i));
    }
    w.finish();
  }

  private java.util.Map<Long, Integer> blockLabelsByKey() {
    java.util.Map<Long, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < blockSizes.length; i++) {
      m.put(blockKey(blockSizes[i], blockPrefixes[i]), blockLabels[i]);
    }
    return m;
  }

  /** Blocks of 100 and of 10,000 never share a key: the size goes into the lowest bit. */
  private static long blockKey(int size, long prefix) {
    return prefix << 1 | (size == 100 ? 0 : 1);
  }

  /** A growable long array. */
  static final class LongList {
    private long[] a = new long[16];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = v;
    }

    long get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
