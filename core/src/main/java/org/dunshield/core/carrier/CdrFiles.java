package org.dunshield.core.carrier;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * CDR files, streamed one record at a time. Two formats, chosen by the file name:
 *
 * <ul>
 *   <li>CSV ({@code .csv}, {@code .csv.gz}) with the header
 *       {@code caller,callee,start_ms,ring_s,talk_s,answered,disposition,cell};
 *   <li>JSON lines ({@code .jsonl}, {@code .ndjson}, optionally {@code .gz}), one flat object per line
 *       with the keys {@code caller, callee, start_ms, ring_s, talk_s, answered, disposition, cell}.
 * </ul>
 *
 * Numbers are E.164 ({@code +8613800000000}); {@code start_ms} is epoch milliseconds. A bad line
 * stops the read with a {@link CdrFormatException} naming the file, line and field. Lines longer than
 * 4 KiB are refused. Not thread-safe.
 */
public final class CdrFiles {
  public static final String CSV_HEADER = "caller,callee,start_ms,ring_s,talk_s,answered,disposition,cell";
  static final int MAX_LINE = 4096;

  private CdrFiles() {}

  /** Reads every record of {@code file} in order into {@code sink}; returns how many were read. */
  public static long read(Path file, Consumer<Cdr> sink) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    boolean json = isJson(name);
    if (!json && !name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
      throw new IllegalArgumentException(file + ": unknown CDR file type; expected .csv, .jsonl or .ndjson (optionally .gz)");
    }
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      if (!json) {
        return readCsv(file.toString(), in, sink);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      return readJson(file.toString(), r, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every record of a CDR stream in order into {@code sink}; {@code name} chooses the format as
   * a file name does ({@code .gz} names are decompressed) and names the stream in error messages.
   * Returns how many were read. Does not close {@code in}.
   */
  public static long read(String name, InputStream in, Consumer<Cdr> sink) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean json = isJson(lower);
    if (!json && !lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
      throw new IllegalArgumentException(name + ": unknown CDR file type; expected .csv, .jsonl or .ndjson (optionally .gz)");
    }
    try {
      InputStream raw = lower.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
      if (!json) {
        return readCsv(name, raw, sink);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
      return readJson(name, r, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long readCsv(String file, BufferedReader in, Consumer<Cdr> sink) throws IOException {
    LineParser p = new LineParser(file, false);
    return p.all(in, sink);
  }

  /**
   * The CSV reader of the engines: lines are split and parsed as bytes (no decoding, no strings) and
   * only a line the fast path cannot take (the header, non-ASCII text, anything malformed) goes
   * through the text parser, which gives the same records and the same errors as
   * {@link #readCsv(String, BufferedReader, Consumer)}. Line ends as {@link BufferedReader#readLine}.
   */
  static long readCsv(String file, InputStream in, Consumer<Cdr> sink) throws IOException {
    CsvReader r = new CsvReader(file, in);
    long n = 0;
    Cdr c;
    while ((c = r.next()) != null) {
      sink.accept(c);
      n++;
    }
    return n;
  }

  /**
   * Pulls the records of a CSV CDR stream one at a time (the Flink file source uses it): lines are
   * split and parsed as bytes, as {@link #read(Path, Consumer)} does. Does not close the stream.
   * Not thread-safe.
   */
  public static final class CsvReader {
    private final String file;
    private final InputStream in;
    private final LineParser p;
    private final byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private int scan;
    private boolean skipLf;
    private boolean eof;

    /** @param file the name used in error messages */
    public CsvReader(String file, InputStream in) {
      this.file = file;
      this.in = in;
      this.p = new LineParser(file, false);
    }

    /** The next record, or null at the end of the stream. */
    public Cdr next() throws IOException {
      while (!eof) {
        if (scan == end) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
          }
          if (end == buf.length) {
            // a line of 64 KiB is more than MAX_LINE characters in any encoding
            p.line++;
            throw new CdrFormatException(file, p.line, null, "line longer than " + MAX_LINE + " characters");
          }
          int r = in.read(buf, end, buf.length - end);
          if (r < 0) {
            eof = true;
            if (start < end) {
              Cdr c = p.next(buf, start, end);
              start = end;
              if (c != null) {
                return c;
              }
            }
            return null;
          }
          end += r;
          continue;
        }
        byte[] bytes = buf;
        int i = scan;
        if (skipLf) {
          skipLf = false;
          if (bytes[i] == '\n') {
            start = scan = i + 1;
            continue;
          }
        }
        if (i == start) {
          // at a line start: a plain record whose line ends in the buffer, in one pass
          Cdr c = p.plain(bytes, i, end);
          if (c != null) {
            int e = p.plainEnd;
            skipLf = bytes[e] == '\r';
            start = scan = e + 1;
            return c;
          }
        }
        // the line end, in a tight loop on locals
        int e = end;
        byte b = 0;
        while (i < e && (b = bytes[i]) != '\n' && b != '\r') {
          i++;
        }
        scan = i;
        if (i < e) {
          Cdr c = p.next(bytes, start, i);
          skipLf = b == '\r';
          start = scan = i + 1;
          if (c != null) {
            return c;
          }
        }
      }
      return null;
    }
  }

  static long readJson(String file, BufferedReader in, Consumer<Cdr> sink) throws IOException {
    LineParser p = new LineParser(file, true);
    return p.all(in, sink);
  }

  /** Whether {@code fileName} names a JSON-lines CDR file (else CSV). */
  public static boolean isJson(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz");
  }

  /**
   * Parses the lines of one CDR file (or message stream) one at a time, counting lines, so that
   * errors name the line: the engines' file and Kafka sources use it. Not thread-safe.
   */
  public static final class LineParser {
    private final String file;
    private final boolean json;
    private final int[] cut = new int[8];
    private long line;

    /** @param file the name used in error messages; @param json JSON lines, else CSV with a header */
    public LineParser(String file, boolean json) {
      this.file = file;
      this.json = json;
    }

    long all(BufferedReader in, Consumer<Cdr> sink) throws IOException {
      long n = 0;
      String s;
      while ((s = in.readLine()) != null) {
        Cdr c = next(s);
        if (c != null) {
          sink.accept(c);
          n++;
        }
      }
      return n;
    }

    /** The record on the next line, or null for a header or blank line. */
    public Cdr next(String s) {
      line++;
      if (s.length() > MAX_LINE) {
        throw new CdrFormatException(file, line, null, "line longer than " + MAX_LINE + " characters");
      }
      if (json) {
        String t = s.strip();
        return t.isEmpty() ? null : json(t);
      }
      if (line == 1) {
        if (!s.strip().equals(CSV_HEADER)) {
          throw new CdrFormatException(file, 1, null, "the header must be '" + CSV_HEADER + "'");
        }
        return null;
      }
      return s.isEmpty() ? null : csv(s);
    }

    /**
     * The record on the next line given as bytes {@code b[from, to)} without its line end, or null
     * for a header or blank line: the same records and errors as {@link #next(String)} on the decoded
     * line, without decoding ASCII records.
     */
    public Cdr next(byte[] b, int from, int to) {
      if (json || line == 0 || to - from > MAX_LINE) {
        return next(new String(b, from, to - from, StandardCharsets.UTF_8));
      }
      if (from == to) {
        line++;
        return null;
      }
      Cdr c = csvAscii(b, from, to);
      if (c != null) {
        line++;
        return c;
      }
      return next(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    /** Where the line {@link #plain} parsed ends: the index of its {@code '\n'} or {@code '\r'}. */
    int plainEnd;

    /**
     * The record of the line starting at {@code b[from]} when it is a plain one — every field as
     * {@link #csvAscii} takes it, ASCII, and its line end before {@code limit} — parsed in one pass
     * over the bytes (finding the line end, the commas and the values together); null for anything
     * else, counting nothing, so that the caller takes the line the usual way ({@link #next(byte[],
     * int, int)}: same records, same errors). Sets {@link #plainEnd}.
     */
    Cdr plain(byte[] b, int from, int limit) {
      if (json || line == 0) {
        return null;
      }
      // caller and callee: '+', a non-zero digit, 7 to 15 digits in all (as E164.parse); start, ring,
      // talk: 1 to 18 digits; each field ends with a comma
      if (b[from] != '+' || from + 1 >= limit || b[from + 1] == '0') {
        return null;
      }
      int i = digitsTo(b, from + 1, limit, 7, 15);
      long caller = value;
      if (i < 0 || i + 1 >= limit || b[i + 1] != '+' || i + 2 >= limit || b[i + 2] == '0') {
        return null;
      }
      i = digitsTo(b, i + 2, limit, 7, 15);
      long callee = value;
      if (i < 0 || (i = digitsTo(b, i + 1, limit, 1, 18)) < 0) {
        return null;
      }
      long start = value;
      if ((i = digitsTo(b, i + 1, limit, 1, 18)) < 0) {
        return null;
      }
      long ring = value;
      if ((i = digitsTo(b, i + 1, limit, 1, 18)) < 0 || ring > Integer.MAX_VALUE || value > Integer.MAX_VALUE) {
        return null;
      }
      long talk = value;
      i++;
      // answered: true, 1, false or 0, then a comma
      boolean answered;
      if (i + 5 < limit && b[i] == 't' && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e' && b[i + 4] == ',') {
        answered = true;
        i += 5;
      } else if (i + 6 < limit && b[i] == 'f' && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's' && b[i + 4] == 'e'
          && b[i + 5] == ',') {
        answered = false;
        i += 6;
      } else if (i + 2 < limit && (b[i] == '1' || b[i] == '0') && b[i + 1] == ',') {
        answered = b[i] == '1';
        i += 2;
      } else {
        return null;
      }
      // disposition: one of the codes, then a comma
      int d0 = i;
      while (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
        i++;
      }
      if (i >= limit || b[i] != ',') {
        return null;
      }
      Disposition d = dispositionAscii(b, d0, i);
      if (d == null) {
        return null;
      }
      i++;
      // the cell: the rest of the line (commas included), ASCII
      int c0 = i;
      byte c = 0;
      while (i < limit && (c = b[i]) != '\n' && c != '\r') {
        if (c < 0) {
          return null;
        }
        i++;
      }
      if (i >= limit || i - from > MAX_LINE || caller == 0 || callee == 0 || answered != (d == Disposition.ANSWERED)
          || !answered && talk != 0) {
        return null;
      }
      String cell = c0 == i ? "" : new String(b, c0, i - c0, StandardCharsets.ISO_8859_1);
      plainEnd = i;
      line++;
      return new Cdr(caller, callee, start, (int) ring, (int) talk, answered, d, cell);
    }

    /** The number the last {@link #digitsTo} read. */
    private long value;

    /**
     * Reads {@code min} to {@code max} digits from {@code b[i]} into {@link #value}; the index of the
     * comma that must follow them before {@code limit}, or -1.
     */
    private int digitsTo(byte[] b, int i, int limit, int min, int max) {
      int d0 = i;
      long v = 0;
      int c;
      for (; i < limit && (c = b[i] - '0') >= 0 && c <= 9; i++) {
        v = v * 10 + c;
      }
      int len = i - d0;
      value = v;
      return i < limit && b[i] == ',' && len >= min && len <= max ? i : -1;
    }

    /** A well-formed ASCII record, or null for anything else (which the text path then handles). */
    private Cdr csvAscii(byte[] b, int from, int to) {
      int fields = 0;
      for (int i = from; i < to; i++) {
        byte c = b[i];
        if (c < 0) {
          return null;
        }
        if (c == ',' && fields < 7) {
          cut[fields++] = i;
        }
      }
      if (fields < 7) {
        return null;
      }
      long caller = e164(b, from, cut[0]);
      long callee = e164(b, cut[0] + 1, cut[1]);
      long start = digits(b, cut[1] + 1, cut[2]);
      long ring = digits(b, cut[2] + 1, cut[3]);
      long talk = digits(b, cut[3] + 1, cut[4]);
      if (caller < 0 || callee < 0 || start < 0 || ring < 0 || ring > Integer.MAX_VALUE || talk < 0
          || talk > Integer.MAX_VALUE) {
        return null;
      }
      int a = cut[4] + 1;
      int alen = cut[5] - a;
      boolean answered;
      if (alen == 4 && b[a] == 't' && b[a + 1] == 'r' && b[a + 2] == 'u' && b[a + 3] == 'e'
          || alen == 1 && b[a] == '1') {
        answered = true;
      } else if (alen == 5 && b[a] == 'f' && b[a + 1] == 'a' && b[a + 2] == 'l' && b[a + 3] == 's' && b[a + 4] == 'e'
          || alen == 1 && b[a] == '0') {
        answered = false;
      } else {
        return null;
      }
      Disposition d = dispositionAscii(b, cut[5] + 1, cut[6]);
      if (d == null) {
        return null;
      }
      String cell = cut[6] + 1 == to ? "" : new String(b, cut[6] + 1, to - cut[6] - 1, StandardCharsets.ISO_8859_1);
      if (caller == 0 || callee == 0 || answered != (d == Disposition.ANSWERED) || !answered && talk != 0) {
        return null;
      }
      return new Cdr(caller, callee, start, (int) ring, (int) talk, answered, d, cell);
    }

    /** Parses one line without a header or line counting (Kafka messages: one record each). */
    public Cdr message(String s, long position) {
      line = position;
      if (json) {
        return json(s.strip());
      }
      return csv(s);
    }

    private Cdr csv(String s) {
      int fields = 0;
      for (int i = 0; i < s.length() && fields < 7; i++) {
        if (s.charAt(i) == ',') {
          cut[fields++] = i;
        }
      }
      if (fields < 7) {
        throw new CdrFormatException(file, line, null, "expected 8 comma-separated fields, found " + (fields + 1));
      }
      cut[7] = s.length();
      long caller = E164.parse(s, 0, cut[0]);
      if (caller < 0) {
        throw new CdrFormatException(file, line, "caller", "'" + s.substring(0, cut[0]) + "' is not an E.164 number");
      }
      long callee = E164.parse(s, cut[0] + 1, cut[1]);
      if (callee < 0) {
        throw new CdrFormatException(file, line, "callee", "'" + s.substring(cut[0] + 1, cut[1]) + "' is not an E.164 number");
      }
      long start = number(file, line, "start_ms", s, cut[1] + 1, cut[2]);
      long ring = number(file, line, "ring_s", s, cut[2] + 1, cut[3]);
      long talk = number(file, line, "talk_s", s, cut[3] + 1, cut[4]);
      boolean answered = bool(file, line, s.substring(cut[4] + 1, cut[5]));
      Disposition d = disposition(file, line, s.substring(cut[5] + 1, cut[6]));
      String cell = s.substring(cut[6] + 1, cut[7]);
      return CdrFiles.record(file, line, caller, callee, start, ring, talk, answered, d, cell);
    }

    private Cdr json(String t) {
      FlatJson o;
      try {
        o = FlatJson.parse(t);
      } catch (IllegalArgumentException e) {
        throw new CdrFormatException(file, line, null, e.getMessage());
      }
      long caller = jsonNumber(file, line, o, "caller");
      long callee = jsonNumber(file, line, o, "callee");
      long start = jsonLong(file, line, o, "start_ms");
      long ring = jsonLong(file, line, o, "ring_s");
      long talk = jsonLong(file, line, o, "talk_s");
      String a = o.get("answered");
      if (a == null) {
        throw new CdrFormatException(file, line, "answered", "missing");
      }
      boolean answered = bool(file, line, a);
      String d = o.get("disposition");
      if (d == null) {
        throw new CdrFormatException(file, line, "disposition", "missing");
      }
      String cell = o.get("cell");
      return CdrFiles.record(file, line, caller, callee, start, ring, talk, answered, disposition(file, line, d),
          cell == null ? "" : cell);
    }
  }

  /** As {@link E164#parse(CharSequence, int, int)} on ASCII bytes. */
  private static long e164(byte[] s, int from, int to) {
    int len = to - from;
    if (len < 8 || len > 16 || s[from] != '+' || s[from + 1] == '0') {
      return -1;
    }
    long v = 0;
    for (int i = from + 1; i < to; i++) {
      int c = s[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  /** A whole number of 1 to 18 digits, or -1. */
  private static long digits(byte[] s, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int c = s[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static final Disposition[] DISPOSITIONS = Disposition.values();
  private static final byte[][] DISPOSITION_CODES = new byte[DISPOSITIONS.length][];

  static {
    for (Disposition d : DISPOSITIONS) {
      DISPOSITION_CODES[d.ordinal()] = d.code().getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The disposition whose exact code is {@code s[from, to)}, or null. */
  private static Disposition dispositionAscii(byte[] s, int from, int to) {
    int len = to - from;
    for (Disposition d : DISPOSITIONS) {
      byte[] code = DISPOSITION_CODES[d.ordinal()];
      if (code.length == len && java.util.Arrays.equals(code, 0, len, s, from, to)) {
        return d;
      }
    }
    return null;
  }

  private static Cdr record(String file, long line, long caller, long callee, long start, long ring, long talk,
      boolean answered, Disposition d, String cell) {
    if (ring > Integer.MAX_VALUE || talk > Integer.MAX_VALUE) {
      throw new CdrFormatException(file, line, ring > Integer.MAX_VALUE ? "ring_s" : "talk_s", "too large");
    }
    try {
      return new Cdr(caller, callee, start, (int) ring, (int) talk, answered, d, cell);
    } catch (IllegalArgumentException e) {
      throw new CdrFormatException(file, line, null, e.getMessage());
    }
  }

  private static long jsonNumber(String file, long line, FlatJson o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new CdrFormatException(file, line, key, "missing");
    }
    long n = E164.parse(v, 0, v.length());
    if (n < 0) {
      throw new CdrFormatException(file, line, key, "'" + v + "' is not an E.164 number");
    }
    return n;
  }

  private static long jsonLong(String file, long line, FlatJson o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new CdrFormatException(file, line, key, "missing");
    }
    return number(file, line, key, v, 0, v.length());
  }

  private static long number(String file, long line, String field, CharSequence s, int from, int to) {
    if (from >= to || to - from > 18) {
      throw new CdrFormatException(file, line, field, "'" + s.subSequence(from, to) + "' is not a whole number");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new CdrFormatException(file, line, field, "'" + s.subSequence(from, to) + "' is not a whole number");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean bool(String file, long line, String s) {
    switch (s) {
      case "true": case "1": return true;
      case "false": case "0": return false;
      default: throw new CdrFormatException(file, line, "answered", "'" + s + "' is not true or false");
    }
  }

  private static Disposition disposition(String file, long line, String s) {
    try {
      return Disposition.fromCode(s);
    } catch (IllegalArgumentException e) {
      throw new CdrFormatException(file, line, "disposition", e.getMessage());
    }
  }

  /** A CSV writer for CDRs; {@code .gz} names are compressed. Close it to flush. Not thread-safe. */
  public static final class CsvWriter implements Closeable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(96);

    public CsvWriter(OutputStream target, boolean gzip) throws IOException {
      OutputStream o = gzip ? new GZIPOutputStream(target, 1 << 16) : target;
      this.out = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
      out.write(CSV_HEADER);
      out.write('\n');
    }

    public void write(Cdr c) throws IOException {
      line.setLength(0);
      line.append('+').append(c.caller()).append(",+").append(c.callee()).append(',').append(c.start()).append(',')
          .append(c.ringSeconds()).append(',').append(c.talkSeconds()).append(',').append(c.answered()).append(',')
          .append(c.disposition().code()).append(',').append(c.cell()).append('\n');
      out.append(line);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
