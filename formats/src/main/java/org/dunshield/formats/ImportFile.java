package org.dunshield.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.event.Event;
import org.dunshield.formats.calllog.CallLogReader;
import org.dunshield.formats.smsbackup.SmsBackupReader;
import org.dunshield.formats.vcard.VCardReader;

/**
 * The entry point: a file whose format was recognised from its content, ready to be read as a
 * stream of events or contacts.
 *
 * <pre>{@code
 * ImportFile file = ImportFile.detect(Path.of("sms.xml"));
 * ReadOptions options = ReadOptions.defaults().withProgress((read, total) -> bar.update(read, total));
 * if (file.format().holdsContacts()) {
 *   try (RecordReader<Contact> contacts = file.contacts(options)) {
 *     contactRepository.importAll(contacts);
 *   }
 * } else {
 *   try (RecordReader<Event> events = file.events(options)) {
 *     ImportCount count = history.importAll(events, file.name());
 *     long notEvents = events.skipped(); // drafts and unsent messages
 *   }
 * }
 * }</pre>
 *
 * <p>One made by {@link #detect(Path)} is immutable, thread-safe and can be read many times; one
 * made from a stream can be read once.
 */
public final class ImportFile {
  private final String name;
  private final Format format;
  private final long size;
  private final Path path;
  private InputStream stream;

  private ImportFile(String name, Format format, long size, Path path, InputStream stream) {
    this.name = name;
    this.format = format;
    this.size = size;
    this.path = path;
    this.stream = stream;
  }

  /**
   * Recognises the format of {@code path} from its first kilobyte.
   *
   * @throws FormatException if the content is not a format Dunshield reads
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ImportFile detect(Path path) {
    Objects.requireNonNull(path, "path");
    String name = path.toString();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
      Format format = FormatDetector.detect(name, head, head.length);
      return new ImportFile(name, format, Files.size(path), path, null);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read: " + describe(e), e);
    }
  }

  /**
   * Recognises the format of a stream, such as an upload, without consuming it; the result can be
   * read once, and its reader closes {@code in}.
   *
   * @param name what to call the input in messages
   * @param totalBytes its size if known, else -1
   * @throws FormatException if the content is not a format Dunshield reads
   */
  public static ImportFile detect(String name, InputStream in, long totalBytes) {
    Objects.requireNonNull(name, "name");
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    try {
      buffered.mark(FormatDetector.HEAD_BYTES);
      byte[] head = buffered.readNBytes(FormatDetector.HEAD_BYTES);
      buffered.reset();
      return new ImportFile(name, FormatDetector.detect(name, head, head.length), totalBytes, null, buffered);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read: " + describe(e), e);
    }
  }

  /** The file as the user named it; readers use it in messages. */
  public String name() {
    return name;
  }

  public Format format() {
    return format;
  }

  /** The size in bytes, or -1 when unknown. */
  public long size() {
    return size;
  }

  /**
   * Streams the calls or messages of a history file. Drafts and unsent messages are not events:
   * they are counted in {@link RecordReader#skipped()}.
   *
   * @throws FormatException if the file holds contacts, or is larger than the options allow
   */
  @SuppressWarnings("unchecked") // a RecordReader only hands out its elements, so widening is safe
  public RecordReader<Event> events(ReadOptions options) {
    Objects.requireNonNull(options, "options");
    return switch (format) {
      case CALLS_BACKUP, SMS_BACKUP -> SmsBackupReader.open(open(), name, size, options);
      case CALL_LOG_CSV ->
          (RecordReader<Event>) (RecordReader<? extends Event>) CallLogReader.open(open(), name, size, options);
      case VCARD -> throw new FormatException(name, 0, null, "the file holds vCard contacts, not calls or messages");
    };
  }

  /**
   * Streams the contacts of an address book. Contacts without a usable number are counted in
   * {@link RecordReader#skipped()}.
   *
   * @throws FormatException if the file holds calls or messages, or is larger than the options allow
   */
  public RecordReader<Contact> contacts(ReadOptions options) {
    Objects.requireNonNull(options, "options");
    if (format != Format.VCARD) {
      throw new FormatException(name, 0, null,
          "the file is a history (" + format.description() + "), not an address book");
    }
    return VCardReader.open(open(), name, size, options);
  }

  @Override
  public String toString() {
    return name + " (" + format.description() + ")";
  }

  private InputStream open() {
    if (path == null) {
      synchronized (this) {
        if (stream == null) {
          throw new IllegalStateException(name + ": a stream can be read only once");
        }
        InputStream in = stream;
        stream = null;
        return in;
      }
    }
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read: " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
