package org.dunshield.formats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.SkipReason;

/**
 * The read-ahead half of every reader: subclasses implement {@link #readNext()} and report skips and
 * warnings. After an exception the reader is closed and stays failed. Not thread-safe.
 *
 * @param <T> what the file holds
 */
public abstract class BaseRecordReader<T> implements RecordReader<T> {
  private static final int MAX_KEPT_WARNINGS = 100;

  private final String file;
  private final MeteredInputStream input;
  private final EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  private final List<String> warnings = new ArrayList<>();
  private long warningCount;
  private T next;
  private boolean finished;
  private RuntimeException failure;
  private boolean closed;

  protected BaseRecordReader(String file, MeteredInputStream input) {
    this.file = file;
    this.input = input;
  }

  /** The next record, or null at the end of the file. May throw FormatException or IOException. */
  protected abstract T readNext() throws IOException;

  /** Releases what the subclass holds besides the input stream. */
  protected void closeResources() throws IOException {}

  @Override
  public final String file() {
    return file;
  }

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (failure != null) {
      throw failure;
    }
    if (finished) {
      return false;
    }
    if (closed) {
      throw new IllegalStateException(file + ": the reader is closed");
    }
    try {
      next = readNext();
    } catch (IOException e) {
      throw fail(new UncheckedIOException(file + ": " + e.getMessage(), e));
    } catch (RuntimeException e) {
      throw fail(e);
    }
    if (next == null) {
      finished = true;
      input.reportEnd();
      close();
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file + ": no more records");
    }
    T result = next;
    next = null;
    return result;
  }

  @Override
  public final Map<SkipReason, Long> skippedByReason() {
    return Collections.unmodifiableMap(new EnumMap<>(skipped));
  }

  @Override
  public final long warningCount() {
    return warningCount;
  }

  @Override
  public final List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public final long bytesRead() {
    return input.count();
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeResources();
    } catch (IOException | RuntimeException e) {
      // nothing useful to do: the data has been read or the read has already failed
    }
    try {
      input.close();
    } catch (IOException e) {
      // as above
    }
  }

  /** Counts an item passed over on purpose. */
  protected final void skip(SkipReason reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  /** Records a warning about {@code line} (0 for the whole file). */
  protected final void warn(long line, String message) {
    warningCount++;
    if (warnings.size() < MAX_KEPT_WARNINGS) {
      warnings.add(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
  }

  private RuntimeException fail(RuntimeException e) {
    failure = e;
    close();
    return e;
  }
}
