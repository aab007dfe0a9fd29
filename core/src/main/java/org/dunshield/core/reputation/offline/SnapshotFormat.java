package org.dunshield.core.reputation.offline;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The binary layout of snapshots and deltas ({@code docs/reputation.md}, "Snapshot format"). Both
 * are: an 8-byte magic ({@code DUNSNAP1} or {@code DUNDELT1}); big-endian header fields (snapshot:
 * version u64, number count u64, block count u32; delta: base version u64, version u64, number
 * count u64, block count u32); the numbers in strictly ascending order, each as the unsigned
 * LEB128 varint of its difference to the previous key (the first from 0) followed by its u16
 * label; the blocks, each as a u8 size exponent (2 or 4), the varint of its prefix and its u16
 * label; and a u32 CRC-32 of everything before it. In a delta, label 0 removes an entry.
 */
public final class SnapshotFormat {
  static final byte[] SNAPSHOT_MAGIC = "DUNSNAP1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] DELTA_MAGIC = "DUNDELT1".getBytes(StandardCharsets.US_ASCII);

  private SnapshotFormat() {}

  /** Buffered big-endian output with a running CRC-32, no locking per byte. */
  static final class Output implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final CRC32 crc = new CRC32();
    private int n;

    Output(OutputStream out) {
      this.out = out;
    }

    void bytes(byte[] b) throws IOException {
      for (byte x : b) {
        u8(x & 0xFF);
      }
    }

    void u8(int v) throws IOException {
      if (n == buffer.length) {
        drain();
      }
      buffer[n++] = (byte) v;
    }

    void u16(int v) throws IOException {
      u8(v >>> 8);
      u8(v);
    }

    void u32(long v) throws IOException {
      for (int s = 24; s >= 0; s -= 8) {
        u8((int) (v >>> s));
      }
    }

    void u64(long v) throws IOException {
      for (int s = 56; s >= 0; s -= 8) {
        u8((int) (v >>> s));
      }
    }

    void varint(long v) throws IOException {
      if (n + 10 > buffer.length) {
        drain();
      }
      while ((v & ~0x7FL) != 0) {
        buffer[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buffer[n++] = (byte) v;
    }

    /** Writes the CRC of everything so far, then flushes. */
    void finish() throws IOException {
      drain();
      long c = crc.getValue();
      byte[] tail = {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c};
      out.write(tail);
      out.flush();
    }

    private void drain() throws IOException {
      crc.update(buffer, 0, n);
      out.write(buffer, 0, n);
      n = 0;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Buffered big-endian input with a running CRC-32, no locking per byte. */
  static final class Input {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CRC32 crc = new CRC32();
    private int pos;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    void expectMagic(byte[] magic, String what) throws IOException {
      byte[] got = new byte[magic.length];
      for (int i = 0; i < got.length; i++) {
        got[i] = (byte) u8();
      }
      if (!Arrays.equals(got, magic)) {
        throw new IOException("not a Dunshield " + what + " (bad magic)");
      }
    }

    int u8() throws IOException {
      if (pos == limit) {
        fill();
      }
      return buffer[pos++] & 0xFF;
    }

    int u16() throws IOException {
      if (limit - pos >= 2) {
        int v = (buffer[pos] & 0xFF) << 8 | buffer[pos + 1] & 0xFF;
        pos += 2;
        return v;
      }
      return u8() << 8 | u8();
    }

    long u32() throws IOException {
      long v = 0;
      for (int i = 0; i < 4; i++) {
        v = v << 8 | u8();
      }
      return v;
    }

    long u64() throws IOException {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = v << 8 | u8();
      }
      return v;
    }

    long varint() throws IOException {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = pos < limit ? buffer[pos++] & 0xFF : u8();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IOException("corrupt varint");
    }

    /** Checks the trailing CRC against everything read before it, and that nothing follows. */
    void finish() throws IOException {
      crc.update(buffer, 0, pos);
      long expected = crc.getValue();
      crc.reset();
      byte[] tail = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (pos == limit) {
          refillRaw();
        }
        tail[i] = buffer[pos++];
      }
      long got = (tail[0] & 0xFFL) << 24 | (tail[1] & 0xFFL) << 16 | (tail[2] & 0xFFL) << 8 | tail[3] & 0xFFL;
      if (got != expected) {
        throw new IOException("corrupt file: checksum mismatch");
      }
      if (pos < limit || in.read() != -1) {
        throw new IOException("corrupt file: data after the checksum");
      }
    }

    private void fill() throws IOException {
      crc.update(buffer, 0, limit);
      refillRaw();
    }

    private void refillRaw() throws IOException {
      int r = in.readNBytes(buffer, 0, buffer.length);
      if (r <= 0) {
        throw new EOFException("file ends early");
      }
      pos = 0;
      limit = r;
    }
  }
}
