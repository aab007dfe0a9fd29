package org.dunshield.formats;

import java.time.ZoneId;
import java.util.Objects;
import org.dunshield.core.number.NumberParser;

/**
 * How readers behave: the number parser (whose region is the default for numbers written without a
 * country code), limits that protect memory against hostile or broken files, the time zone for CSV
 * times written without an offset, and a progress listener.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.defaults()
 *     .withNumbers(NumberParser.forRegion("CN"))
 *     .withProgress((read, total) -> bar.update(read, total));
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with} methods return a changed copy.
 */
public final class ReadOptions {
  /** 2 GiB: backups reach hundreds of megabytes, but not gigabytes. */
  public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

  /** One mebichar: far above any SMS, MMS text or contact name. */
  public static final int DEFAULT_MAX_FIELD_CHARS = 1024 * 1024;

  private final NumberParser numbers;
  private final long maxFileBytes;
  private final int maxFieldChars;
  private final ZoneId zone;
  private final ProgressListener progress;

  private ReadOptions(NumberParser numbers, long maxFileBytes, int maxFieldChars, ZoneId zone,
      ProgressListener progress) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }
    if (maxFieldChars < 64) {
      throw new IllegalArgumentException("maxFieldChars must be at least 64: " + maxFieldChars);
    }
    this.maxFileBytes = maxFileBytes;
    this.maxFieldChars = maxFieldChars;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Numbers parsed for region CN, {@link #DEFAULT_MAX_FILE_BYTES}, {@link #DEFAULT_MAX_FIELD_CHARS},
   * the system time zone, no progress listener.
   */
  public static ReadOptions defaults() {
    return new ReadOptions(DefaultParser.CN, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FIELD_CHARS,
        ZoneId.systemDefault(), ProgressListener.NONE);
  }

  /** Parses numbers with {@code parser}; share one parser per region, it is costly to create. */
  public ReadOptions withNumbers(NumberParser parser) {
    return new ReadOptions(parser, maxFileBytes, maxFieldChars, zone, progress);
  }

  /** Refuses files larger than {@code bytes}, before reading them when their size is known. */
  public ReadOptions withMaxFileBytes(long bytes) {
    return new ReadOptions(numbers, bytes, maxFieldChars, zone, progress);
  }

  /** Refuses any single value (an SMS body, a contact name, a CSV field) longer than {@code chars}. */
  public ReadOptions withMaxFieldChars(int chars) {
    return new ReadOptions(numbers, maxFileBytes, chars, zone, progress);
  }

  /** The zone for CSV date-times written without an offset. */
  public ReadOptions withZone(ZoneId zoneId) {
    return new ReadOptions(numbers, maxFileBytes, maxFieldChars, zoneId, progress);
  }

  /** Reports progress to {@code listener}. */
  public ReadOptions withProgress(ProgressListener listener) {
    return new ReadOptions(numbers, maxFileBytes, maxFieldChars, zone, listener);
  }

  public NumberParser numbers() {
    return numbers;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public int maxFieldChars() {
    return maxFieldChars;
  }

  public ZoneId zone() {
    return zone;
  }

  public ProgressListener progress() {
    return progress;
  }

  /** Created on first use: a parser holds a sizeable cache. */
  private static final class DefaultParser {
    static final NumberParser CN = NumberParser.forRegion("CN");
  }
}
