package org.dunshield.core.reputation.offline;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot or a delta in the {@link SnapshotFormat} layout: the counts first, then the
 * numbers in strictly ascending order, then the blocks, then {@link #finish()}. Not thread-safe.
 */
public final class SnapshotWriter {
  private final SnapshotFormat.Output out;
  private final boolean delta;
  private final long numbers;
  private final int blocks;
  private long writtenNumbers;
  private int writtenBlocks;
  private long previous;

  private SnapshotWriter(OutputStream stream, boolean delta, long base, long version, long numbers, int blocks)
      throws IOException {
    this.out = new SnapshotFormat.Output(stream);
    this.delta = delta;
    this.numbers = numbers;
    this.blocks = blocks;
    out.bytes(delta ? SnapshotFormat.DELTA_MAGIC : SnapshotFormat.SNAPSHOT_MAGIC);
    if (delta) {
      out.u64(base);
    }
    out.u64(version);
    out.u64(numbers);
    out.u32(blocks);
  }

  /** A snapshot of {@code numbers} numbers and {@code blocks} blocks, published as {@code version}. */
  public static SnapshotWriter snapshot(OutputStream out, long version, long numbers, int blocks) throws IOException {
    return new SnapshotWriter(out, false, 0, version, numbers, blocks);
  }

  /** The changes from version {@code base} to {@code version}; label 0 removes an entry. */
  public static SnapshotWriter delta(OutputStream out, long base, long version, long numbers, int blocks)
      throws IOException {
    return new SnapshotWriter(out, true, base, version, numbers, blocks);
  }

  public void number(long digits, int label) throws IOException {
    if (!PackedTable.validKey(digits) || digits <= previous) {
      throw new IllegalArgumentException("numbers must be in [1, 2^50) and ascending: " + digits + " after " + previous);
    }
    Label.check(label);
    if (label == 0 && !delta) {
      throw new IllegalArgumentException("a snapshot entry needs a label");
    }
    if (++writtenNumbers > numbers) {
      throw new IllegalStateException("more numbers than the header announced (" + numbers + ")");
    }
    out.varint(digits - previous);
    out.u16(label);
    previous = digits;
  }

  /** A block of {@code size} (100 or 10,000) numbers: those whose digits divided by the size are {@code prefix}. */
  public void block(int size, long prefix, int label) throws IOException {
    if (writtenNumbers != numbers) {
      throw new IllegalStateException("write every number before the blocks");
    }
    if (size != 100 && size != 10_000) {
      throw new IllegalArgumentException("block size is 100 or 10000");
    }
    Label.check(label);
    if (++writtenBlocks > blocks) {
      throw new IllegalStateException("more blocks than the header announced (" + blocks + ")");
    }
    out.u8(size == 100 ? 2 : 4);
    out.varint(prefix);
    out.u16(label);
  }

  /** Writes the checksum and flushes (the stream stays open). */
  public void finish() throws IOException {
    if (writtenNumbers != numbers || writtenBlocks != blocks) {
      throw new IllegalStateException("wrote " + writtenNumbers + " numbers and " + writtenBlocks
          + " blocks, the header announced " + numbers + " and " + blocks);
    }
    out.finish();
  }
}
