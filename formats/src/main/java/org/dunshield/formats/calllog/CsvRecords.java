package org.dunshield.formats.calllog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.formats.FormatException;

/**
 * Splits RFC 4180 CSV into records: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); records end in CRLF or LF. Spaces are data. Not
 * thread-safe.
 */
final class CsvRecords {
  private static final int MAX_FIELDS = 256;

  private final Reader in;
  private final String file;
  private final int maxFieldChars;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private long recordLine;
  private final StringBuilder field = new StringBuilder();

  CsvRecords(Reader in, String file, int maxFieldChars) {
    this.in = in;
    this.file = file;
    this.maxFieldChars = maxFieldChars;
  }

  /** The line the last record returned by {@link #next()} starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end of the input. Empty lines yield an empty list. */
  List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    if (c == '\n' || c == '\r') {
      endOfLine(c);
      return fields;
    }
    while (true) {
      field.setLength(0);
      boolean quoted = c == '"';
      if (quoted) {
        long openedOn = line;
        while (true) {
          c = read();
          if (c < 0) {
            throw new FormatException(file, openedOn, null, "a quoted field is never closed");
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
            } else {
              break;
            }
          } else if (c == '\n') {
            line++;
          }
          append((char) c);
        }
        c = read();
        if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          throw new FormatException(file, line, null, "a closing quote must end the field, but '"
              + (char) c + "' follows it");
        }
      } else {
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          if (c == '"') {
            throw new FormatException(file, line, null,
                "a quote inside an unquoted field; quote the whole field and double the quote");
          }
          append((char) c);
          c = read();
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new FormatException(file, recordLine, null, "more than " + MAX_FIELDS + " fields in a record");
      }
      fields.add(field.toString());
      if (c == ',') {
        c = read();
        if (c < 0 || c == '\n' || c == '\r') {
          fields.add("");
          endOfLine(c);
          return fields;
        }
        continue;
      }
      endOfLine(c);
      return fields;
    }
  }

  private void endOfLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c >= 0) {
      line++;
    }
  }

  private void append(char c) {
    if (field.length() == maxFieldChars) {
      throw new FormatException(file, line, null, "a field is longer than the limit of " + maxFieldChars
          + " characters");
    }
    field.append(c);
  }

  private int peek() throws IOException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private boolean fill() throws IOException {
    while (!eof) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
      } else if (n > 0) {
        pos = 0;
        limit = n;
        return true;
      }
    }
    return false;
  }
}
