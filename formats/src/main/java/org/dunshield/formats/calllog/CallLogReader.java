package org.dunshield.formats.calllog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dunshield.core.event.CallEvent;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.internal.MeteredInputStream;

/**
 * Reads a CSV call log (layout in the package documentation) as a stream of call events.
 * Thread-safe: every call returns an independent reader.
 */
public final class CallLogReader {
  private CallLogReader() {}

  /**
   * Starts reading {@code in}, which the returned reader closes. The header row is read at the first
   * {@code hasNext()}.
   *
   * @param file the file as the user named it, for messages
   * @param totalBytes the size of the input if known, else -1
   * @throws org.dunshield.formats.FormatException if the size is known and above the limit
   */
  public static RecordReader<CallEvent> open(InputStream in, String file, long totalBytes, ReadOptions options) {
    MeteredInputStream metered = MeteredInputStream.open(in, file, totalBytes, options);
    try {
      BufferedInputStream buffered = new BufferedInputStream(metered, 64 * 1024);
      buffered.mark(3);
      byte[] head = buffered.readNBytes(3);
      buffered.reset();
      if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
        buffered.skipNBytes(3);
      }
      InputStreamReader chars = new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
      return new CallLogEvents(file, metered, new CsvRecords(chars, file, options.maxFieldChars()), options);
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
