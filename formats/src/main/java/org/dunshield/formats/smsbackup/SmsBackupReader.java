package org.dunshield.formats.smsbackup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dunshield.core.event.Event;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.internal.MeteredInputStream;

/**
 * Reads SMS Backup &amp; Restore XML backups, calls ({@code <calls>}) and messages
 * ({@code <smses>}) alike, as a stream of events. See the package documentation for the mapping.
 * Thread-safe: every call returns an independent reader.
 */
public final class SmsBackupReader {
  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  private SmsBackupReader() {}

  /**
   * Starts reading {@code in}, which the returned reader closes.
   *
   * @param file the file as the user named it, for messages
   * @param totalBytes the size of the input if known, else -1
   * @throws FormatException if the size is known and above the limit
   */
  public static RecordReader<Event> open(InputStream in, String file, long totalBytes, ReadOptions options) {
    MeteredInputStream metered = MeteredInputStream.open(in, file, totalBytes, options);
    try {
      // a start tag with its attributes must fit in memory: a few fields' worth of characters
      long maxRun = 4L * options.maxFieldChars() + 64 * 1024;
      SurrogateReferenceReader chars = new SurrogateReferenceReader(decode(metered, file), file, maxRun);
      XMLStreamReader xml = hardenedFactory().createXMLStreamReader(chars);
      return new BackupEvents(file, metered, chars, xml, options);
    } catch (IOException e) {
      closeQuietly(metered);
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    } catch (XMLStreamException e) {
      closeQuietly(metered);
      Location at = e.getLocation();
      throw new FormatException(file, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
          null, "malformed XML: " + BackupEvents.parserMessage(e), e);
    } catch (RuntimeException e) {
      closeQuietly(metered);
      throw e;
    }
  }

  /**
   * The JDK's own StAX parser (never one found on the class path) with DTDs, external entities and
   * external access switched off. A DOCTYPE is then reported as an event, which the reader refuses.
   */
  static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity '" + systemId + "' refused");
    });
    return factory;
  }

  /**
   * Turns bytes into characters: a byte-order mark wins, then the XML declaration's encoding, else
   * UTF-8. Malformed bytes become U+FFFD rather than stopping an import of hundreds of megabytes.
   */
  private static Reader decode(InputStream metered, String file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(metered, 64 * 1024);
    in.mark(1024);
    byte[] head = in.readNBytes(1024);
    in.reset();
    Charset charset = StandardCharsets.UTF_8;
    int bom = 0;
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      bom = 3;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else {
      Matcher m = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
      if (m.find()) {
        String name = m.group(1);
        try {
          charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
          throw new FormatException(file, 1, null, "the XML declaration names encoding '" + name
              + "', which this Java runtime does not support");
        }
      }
    }
    in.skipNBytes(bom);
    return new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already failing
    }
  }
}
