package org.dunshield.formats;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of one file: events of a call or message backup, or contacts of an address
 * book. It reads ahead at most one record, so a file of any size takes constant memory, and it can
 * be handed straight to a repository's {@code importAll(Iterator)}.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link FormatException} when the input is
 * malformed (nothing after it is read) and {@link java.io.UncheckedIOException} when reading fails.
 * Items a reader passes over on purpose, such as drafts, are counted in {@link #skipped()}; smaller
 * oddities it repaired or ignored, such as one junk number among a contact's numbers, are listed in
 * {@link #warnings()}. Both are complete once {@link #hasNext()} has returned false.
 *
 * <p>Close it (try-with-resources) to release the file. Not thread-safe: one thread reads it.
 *
 * @param <T> what the file holds
 */
public interface RecordReader<T> extends Iterator<T>, AutoCloseable {
  /** The file as the user named it, as used in messages. */
  String file();

  /** How many items were passed over, whatever the reason. */
  default long skipped() {
    long total = 0;
    for (long count : skippedByReason().values()) {
      total += count;
    }
    return total;
  }

  /** Items passed over so far, by reason; reasons that did not occur are absent. */
  Map<SkipReason, Long> skippedByReason();

  /** How many warnings there were; may exceed the size of {@link #warnings()}. */
  long warningCount();

  /**
   * The first warnings (at most 100), each naming file and line, such as {@code contacts.vcf:14:
   * TEL 'n/a' is not a phone number (no phone number found in it); skipped, the contact keeps 2
   * numbers}.
   */
  List<String> warnings();

  /** Bytes of the file consumed so far. */
  long bytesRead();

  /** Releases the file. Idempotent; never throws a checked exception. */
  @Override
  void close();
}
