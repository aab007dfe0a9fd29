package org.dunshield.formats.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.dunshield.formats.FormatException;

/**
 * Splits a vCard stream into logical properties, working on bytes so that each value can be decoded
 * in the charset its own {@code CHARSET} parameter names.
 *
 * <ul>
 *   <li>Lines end in CRLF or LF. A line starting with a space or tab continues the previous one
 *       (RFC 2425/6350 folding; the line break and that one character are removed).
 *   <li>A quoted-printable value whose line ends in {@code =} continues on the next line whatever
 *       it starts with (vCard 2.1 soft line break, as old handsets write it).
 *   <li>After a vCard 2.1 base64 value, lines without a colon are the rest of the data up to the
 *       next empty line; they are skipped.
 *   <li>Only the properties in {@link #WANTED} are kept; the others (photos, notes) are skipped
 *       without being held in memory.
 *   <li>Values without {@code CHARSET} are UTF-8; bytes that are not UTF-8 are taken as GB18030,
 *       what Chinese handsets wrote before UTF-8.
 * </ul>
 *
 * Not thread-safe.
 */
final class VCardLexer {
  static final Set<String> WANTED = Set.of("BEGIN", "END", "VERSION", "FN", "N", "ORG", "TEL");
  private static final int MAX_NAME_BYTES = 8 * 1024;
  private static final Charset FALLBACK = Charset.forName("GB18030");

  private final InputStream in;
  private final String file;
  private final int maxValueBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  /** The line of the byte at {@link #pos}. */
  private long line = 1;
  private boolean inBase64Block;
  private byte[] value = new byte[256];
  private int valueLength;
  private final byte[] name = new byte[MAX_NAME_BYTES];
  private int nameLength;

  VCardLexer(InputStream in, String file, int maxValueBytes) throws IOException {
    this.in = in;
    this.file = file;
    this.maxValueBytes = maxValueBytes;
    if (peek() == 0xEF) { // UTF-8 byte-order mark
      if (read() != 0xEF || read() != 0xBB || read() != 0xBF) {
        throw new FormatException(file, 1, null, "the file starts with a broken byte-order mark");
      }
    }
  }

  /** The line the next property would start on (for messages about the end of the file). */
  long line() {
    return line;
  }

  /** The next property, or null at the end of the input. */
  Property next() throws IOException {
    while (true) {
      int b = peek();
      if (b < 0) {
        return null;
      }
      if (b == '\r' || b == '\n') {
        skipLineBreak();
        inBase64Block = false;
        continue;
      }
      long start = line;
      if (!readName()) {
        if (inBase64Block) {
          continue; // a line of the previous base64 value: no colon, already consumed
        }
        throw new FormatException(file, start, null, "'" + printable(name, nameLength)
            + "' is not a vCard property: a property is NAME:value");
      }
      inBase64Block = false;
      return property(start);
    }
  }

  /**
   * Reads the name and parameters up to the colon into {@link #name}. Returns false, having
   * consumed the line, when the line has no colon.
   */
  private boolean readName() throws IOException {
    nameLength = 0;
    boolean quoted = false;
    while (true) {
      int b = read();
      if (b < 0) {
        return false;
      }
      if (b == '\r' && peek() == '\n') {
        continue;
      }
      if (b == '\n' || b == '\r') {
        line++;
        int next = peek();
        if (next == ' ' || next == '\t') {
          read();
          continue;
        }
        return false;
      }
      if (b == '"') {
        quoted = !quoted;
      } else if (b == ':' && !quoted) {
        return true;
      }
      if (nameLength == MAX_NAME_BYTES) {
        skipRestOfLine();
        throw new FormatException(file, line, null, "a property name with its parameters is longer than "
            + MAX_NAME_BYTES + " bytes");
      }
      name[nameLength++] = (byte) b;
    }
  }

  private Property property(long start) throws IOException {
    String head = new String(name, 0, nameLength, StandardCharsets.UTF_8);
    String[] parts = head.split(";", -1);
    String propertyName = parts[0].strip().toUpperCase(Locale.ROOT);
    int dot = propertyName.lastIndexOf('.');
    if (dot >= 0) {
      propertyName = propertyName.substring(dot + 1); // item1.TEL
    }
    String encoding = null;
    String charset = null;
    boolean uri = false;
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      int eq = param.indexOf('=');
      String key = eq < 0 ? "" : param.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String val = unquote(eq < 0 ? param : param.substring(eq + 1).strip());
      String upper = val.toUpperCase(Locale.ROOT);
      if (key.equals("ENCODING")
          || (key.isEmpty() && (upper.equals("QUOTED-PRINTABLE") || upper.equals("BASE64")))) {
        encoding = upper;
      } else if (key.equals("CHARSET")) {
        charset = val;
      } else if (key.equals("VALUE") && upper.equals("URI")) {
        uri = true;
      }
    }
    boolean quotedPrintable = "QUOTED-PRINTABLE".equals(encoding);
    boolean base64 = "BASE64".equals(encoding) || "B".equals(encoding);
    boolean wanted = WANTED.contains(propertyName);
    readValue(quotedPrintable, wanted, start, propertyName);
    if (base64) {
      inBase64Block = true;
    }
    if (!wanted) {
      return new Property(start, propertyName, uri, null);
    }
    byte[] bytes;
    if (quotedPrintable) {
      bytes = QuotedPrintable.decode(value, valueLength);
    } else if (base64) {
      try {
        bytes = Base64.getMimeDecoder().decode(Arrays.copyOf(value, valueLength));
      } catch (IllegalArgumentException e) {
        throw new FormatException(file, start, propertyName, "the base64 value is broken: " + e.getMessage());
      }
    } else {
      bytes = Arrays.copyOf(value, valueLength);
    }
    return new Property(start, propertyName, uri, text(bytes, charset, start, propertyName));
  }

  /** Reads the value with its continuation lines; keeps it in {@link #value} only if wanted. */
  private void readValue(boolean quotedPrintable, boolean wanted, long start, String propertyName)
      throws IOException {
    valueLength = 0;
    while (true) {
      int b = read();
      if (b < 0) {
        return;
      }
      if (b == '\r' && peek() == '\n') {
        continue;
      }
      if (b == '\n' || b == '\r') {
        line++;
        int next = peek();
        if (quotedPrintable && valueLength > 0 && value[valueLength - 1] == '=') {
          valueLength--; // soft line break: the value goes on with the next line as it is
          continue;
        }
        if (next == ' ' || next == '\t') {
          read();
          continue;
        }
        return;
      }
      if (wanted || quotedPrintable) {
        if (valueLength == maxValueBytes) {
          skipRestOfLine();
          throw new FormatException(file, start, propertyName, "the value is longer than the limit of "
              + maxValueBytes + " bytes");
        }
        if (valueLength == value.length) {
          value = Arrays.copyOf(value, Math.min(maxValueBytes, value.length * 2));
        }
        value[valueLength++] = (byte) b;
        if (!wanted && valueLength > 1) {
          value[0] = value[valueLength - 1]; // an unwanted QP value only needs its last byte
          valueLength = 1;
        }
      }
    }
  }

  private String text(byte[] bytes, String charset, long start, String propertyName) {
    if (charset != null) {
      try {
        return new String(bytes, Charset.forName(charset));
      } catch (IllegalArgumentException e) {
        throw new FormatException(file, start, propertyName, "CHARSET '" + charset + "' is not supported");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, FALLBACK);
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
        ? s.substring(1, s.length() - 1) : s;
  }

  private void skipLineBreak() throws IOException {
    if (read() == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private void skipRestOfLine() throws IOException {
    while (true) {
      int b = read();
      if (b < 0) {
        return;
      }
      if (b == '\n') {
        line++;
        return;
      }
    }
  }

  private int peek() throws IOException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  private int read() throws IOException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = n < 0;
      pos = 0;
      limit = 0;
      return !eof && fill();
    }
    pos = 0;
    limit = n;
    return true;
  }

  private static String printable(byte[] bytes, int length) {
    String s = new String(bytes, 0, Math.min(length, 40), StandardCharsets.UTF_8);
    return length > 40 ? s + "..." : s;
  }
}
