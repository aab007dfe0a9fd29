package org.dunshield.formats.smsbackup;

import java.io.IOException;
import java.io.Reader;
import org.dunshield.formats.FormatException;

/**
 * Repairs what SMS Backup &amp; Restore writes before a strict XML parser sees it, and bounds what
 * the parser must hold in memory.
 *
 * <ul>
 *   <li>A pair of numeric character references to UTF-16 surrogates ({@code &#55357;&#56842;}, or
 *       in hex) becomes the character they encode (😊). XML forbids references to surrogates.
 *   <li>A reference to a lone surrogate or to a character XML forbids ({@code &#1;}) becomes
 *       U+FFFD and is counted in {@link #replaced()}. Tab, line feed and carriage return references
 *       stay as they are: the parser needs them to keep newlines in attribute values.
 *   <li>More than {@code maxRun} characters without a {@code <} (one gigantic tag or text) is
 *       refused: a start tag and all its attributes must fit in memory at once.
 * </ul>
 *
 * <p>References are rewritten wherever they appear, also inside comments and CDATA sections, where
 * they are not references: SMS Backup &amp; Restore writes neither. Lines are never added or removed,
 * so the parser's line numbers stay right. Not thread-safe.
 */
final class SurrogateReferenceReader extends Reader {
  private static final int LOOKAHEAD = 32;
  private static final char REPLACEMENT = '\uFFFD';

  private final Reader in;
  private final String file;
  private final long maxRun;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private char pending;
  private boolean hasPending;
  private long line = 1;
  private long run;
  private long replaced;
  /** Output of {@link #decodeAt}: the characters a reference sequence stands for. */
  private final char[] decoded = new char[2];
  private int decodedLength;

  SurrogateReferenceReader(Reader in, String file, long maxRun) {
    this.in = in;
    this.file = file;
    this.maxRun = maxRun;
  }

  /** How many references were replaced by U+FFFD. */
  long replaced() {
    return replaced;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    if (hasPending) {
      out[off + n++] = pending;
      hasPending = false;
    }
    while (n < len) {
      if (pos >= limit) {
        if (n > 0 || !fill()) {
          break;
        }
      }
      // copy a run of ordinary characters
      int start = pos;
      int end = Math.min(limit, pos + (len - n));
      char[] b = buf;
      int p = pos;
      while (p < end) {
        char c = b[p];
        if (c == '&' || c == '<' || c == '\n') {
          break;
        }
        p++;
      }
      int copied = p - start;
      if (copied > 0) {
        System.arraycopy(b, start, out, off + n, copied);
        n += copied;
        pos = p;
        run += copied;
        if (run > maxRun) {
          throw tooLong();
        }
        continue;
      }
      char c = b[pos];
      if (c == '<') {
        run = 0;
      } else if (c == '\n') {
        line++;
        run++;
      } else { // '&'
        if (limit - pos < LOOKAHEAD && !eof) {
          fillLookahead();
        }
        int consumed = decodeAt(pos);
        if (consumed > 0) {
          pos += consumed;
          run += decodedLength;
          out[off + n++] = decoded[0];
          if (decodedLength == 2) {
            if (n < len) {
              out[off + n++] = decoded[1];
            } else {
              pending = decoded[1];
              hasPending = true;
            }
          }
          continue;
        }
        run++;
      }
      out[off + n++] = c;
      pos++;
    }
    return n == 0 ? -1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Looks at the reference starting at {@code p} (which holds '&'). Returns how many characters to
   * consume and fills {@link #decoded}, or 0 to leave the input as it is.
   */
  private int decodeAt(int p) {
    int first = referenceEnd(p);
    if (first < 0) {
      return 0;
    }
    int value = referenceValue;
    if (value >= 0xD800 && value <= 0xDBFF) {
      int second = referenceEnd(first);
      if (second > 0 && referenceValue >= 0xDC00 && referenceValue <= 0xDFFF) {
        decoded[0] = (char) value;
        decoded[1] = (char) referenceValue;
        decodedLength = 2;
        return second - p;
      }
      return replace(first - p);
    }
    if (value >= 0xDC00 && value <= 0xDFFF) {
      return replace(first - p);
    }
    boolean forbidden = (value < 0x20 && value != 0x9 && value != 0xA && value != 0xD)
        || value == 0xFFFE || value == 0xFFFF || value > 0x10FFFF;
    return forbidden ? replace(first - p) : 0;
  }

  private int replace(int consumed) {
    replaced++;
    decoded[0] = REPLACEMENT;
    decodedLength = 1;
    return consumed;
  }

  /** Set by {@link #referenceEnd}: the code the reference names. */
  private int referenceValue;

  /**
   * If a numeric character reference starts at {@code p}, returns the index after its ';' and sets
   * {@link #referenceValue}; else -1.
   */
  private int referenceEnd(int p) {
    if (p + 3 >= limit || buf[p] != '&' || buf[p + 1] != '#') {
      return -1;
    }
    int i = p + 2;
    boolean hex = buf[i] == 'x';
    if (hex) {
      i++;
    }
    int value = 0;
    int digits = 0;
    while (i < limit && digits < 12) {
      char c = buf[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else if (c == ';' && digits > 0) {
        referenceValue = value;
        return i + 1;
      } else {
        return -1;
      }
      value = Math.min(value * (hex ? 16 : 10) + d, 0x110000);
      digits++;
      i++;
    }
    return -1;
  }

  private boolean fill() throws IOException {
    pos = 0;
    limit = 0;
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit = n;
    return true;
  }

  /** Moves the unread rest to the front and reads until {@link #LOOKAHEAD} characters are there. */
  private void fillLookahead() throws IOException {
    int rest = limit - pos;
    System.arraycopy(buf, pos, buf, 0, rest);
    pos = 0;
    limit = rest;
    while (limit < LOOKAHEAD && !eof) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
  }

  private FormatException tooLong() {
    return new FormatException(file, line, null,
        "more than " + maxRun + " characters without markup: an element or value this large is refused");
  }
}
