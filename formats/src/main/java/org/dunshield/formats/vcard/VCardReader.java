package org.dunshield.formats.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.dunshield.core.contact.Contact;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.internal.MeteredInputStream;

/**
 * Reads vCard 2.1, 3.0 and 4.0 address books, mixed in one file if need be, as a stream of
 * contacts. See the package documentation for what is kept and skipped. Thread-safe: every call
 * returns an independent reader.
 */
public final class VCardReader {
  private VCardReader() {}

  /**
   * Starts reading {@code in}, which the returned reader closes.
   *
   * @param file the file as the user named it, for messages
   * @param totalBytes the size of the input if known, else -1
   * @throws org.dunshield.formats.FormatException if the size is known and above the limit
   */
  public static RecordReader<Contact> open(InputStream in, String file, long totalBytes, ReadOptions options) {
    MeteredInputStream metered = MeteredInputStream.open(in, file, totalBytes, options);
    try {
      VCardLexer lexer = new VCardLexer(metered, file, options.maxFieldChars());
      return new VCardContacts(file, metered, lexer, options.numbers());
    } catch (IOException e) {
      try {
        metered.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
