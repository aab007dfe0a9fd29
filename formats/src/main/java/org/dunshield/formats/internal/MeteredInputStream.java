package org.dunshield.formats.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ProgressListener;

/**
 * Counts the bytes read, refuses to read past a limit and tells a {@link ProgressListener} about
 * every mebibyte. Not thread-safe.
 */
public final class MeteredInputStream extends FilterInputStream {
  private static final long REPORT_EVERY = 1024 * 1024;

  private final String file;
  private final long totalBytes;
  private final long maxBytes;
  private final ProgressListener progress;
  private long count;
  private long nextReport = REPORT_EVERY;

  /**
   * Meters {@code in} for a reader with {@code options}' size limit and progress listener; if the
   * known size is already above the limit, closes {@code in} and throws.
   */
  public static MeteredInputStream open(InputStream in, String file, long totalBytes,
      org.dunshield.formats.ReadOptions options) {
    try {
      return new MeteredInputStream(in, file, totalBytes, options.maxFileBytes(), options.progress());
    } catch (RuntimeException e) {
      try {
        in.close();
      } catch (java.io.IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * @param totalBytes the size if known, else -1; a known size above {@code maxBytes} is refused at once
   */
  public MeteredInputStream(InputStream in, String file, long totalBytes, long maxBytes,
      ProgressListener progress) {
    super(in);
    this.file = file;
    this.totalBytes = totalBytes;
    this.maxBytes = maxBytes;
    this.progress = progress;
    if (totalBytes > maxBytes) {
      throw tooLarge(totalBytes);
    }
  }

  public long count() {
    return count;
  }

  public long totalBytes() {
    return totalBytes;
  }

  /** Reports the final count; called once the reader has reached the end. */
  public void reportEnd() {
    progress.progress(count, totalBytes);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      counted(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) {
    count += n;
    if (count > maxBytes) {
      throw tooLarge(count);
    }
    if (count >= nextReport) {
      nextReport = count + REPORT_EVERY;
      progress.progress(count, totalBytes);
    }
  }

  private FormatException tooLarge(long size) {
    String what = totalBytes >= 0 ? "the file has " + size + " bytes, more than" : "the file is larger than";
    return new FormatException(file, 0, null,
        what + " the limit of " + maxBytes + " bytes; raise the limit if the file is genuine");
  }
}
