package org.dunshield.core.reputation.offline;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a snapshot or a delta written by {@link SnapshotWriter}: the header, then
 * {@link #nextNumber()} until false, then {@link #nextBlock()} until false, then {@link #finish()}
 * (the checksum). Anything malformed is an {@link IOException} naming the problem. Not thread-safe.
 */
public final class SnapshotReader {
  private final SnapshotFormat.Input in;
  private final boolean delta;
  private final long baseVersion;
  private final long version;
  private final long numberCount;
  private final int blockCount;
  private long readNumbers;
  private int readBlocks;
  private long digits;
  private int label;
  private int blockSize;
  private long blockPrefix;

  private SnapshotReader(InputStream stream, boolean delta) throws IOException {
    this.in = new SnapshotFormat.Input(stream);
    this.delta = delta;
    in.expectMagic(delta ? SnapshotFormat.DELTA_MAGIC : SnapshotFormat.SNAPSHOT_MAGIC, delta ? "delta" : "snapshot");
    baseVersion = delta ? in.u64() : -1;
    version = in.u64();
    numberCount = in.u64();
    blockCount = (int) in.u32();
    if (numberCount < 0 || blockCount < 0) {
      throw new IOException("corrupt header");
    }
  }

  public static SnapshotReader snapshot(InputStream in) throws IOException {
    return new SnapshotReader(in, false);
  }

  public static SnapshotReader delta(InputStream in) throws IOException {
    return new SnapshotReader(in, true);
  }

  /** The version a delta applies to ({@code -1} for a snapshot). */
  public long baseVersion() {
    return baseVersion;
  }

  public long version() {
    return version;
  }

  public long numberCount() {
    return numberCount;
  }

  public int blockCount() {
    return blockCount;
  }

  /** Advances to the next number; false after the last. */
  public boolean nextNumber() throws IOException {
    if (readNumbers == numberCount) {
      return false;
    }
    long step = in.varint();
    if (step <= 0) {
      throw new IOException("corrupt file: numbers not ascending at entry " + readNumbers);
    }
    digits += step;
    if (!PackedTable.validKey(digits)) {
      throw new IOException("corrupt file: number out of range at entry " + readNumbers);
    }
    label = in.u16();
    if (label > Label.MASK || (label == 0 && !delta)) {
      throw new IOException("corrupt file: bad label at entry " + readNumbers);
    }
    readNumbers++;
    return true;
  }

  public long digits() {
    return digits;
  }

  public int label() {
    return label;
  }

  /** Advances to the next block (after every number); false after the last. */
  public boolean nextBlock() throws IOException {
    while (nextNumber()) {
      // skip numbers the caller did not read
    }
    if (readBlocks == blockCount) {
      return false;
    }
    int exponent = in.u8();
    if (exponent != 2 && exponent != 4) {
      throw new IOException("corrupt file: bad block size at block " + readBlocks);
    }
    blockSize = exponent == 2 ? 100 : 10_000;
    blockPrefix = in.varint();
    label = in.u16();
    if (label > Label.MASK || blockPrefix <= 0) {
      throw new IOException("corrupt file: bad block " + readBlocks);
    }
    readBlocks++;
    return true;
  }

  public int blockSize() {
    return blockSize;
  }

  public long blockPrefix() {
    return blockPrefix;
  }

  /** Reads what is left and checks the checksum. */
  public void finish() throws IOException {
    while (nextBlock()) {
      // skip blocks the caller did not read
    }
    in.finish();
  }
}
