package org.dunshield.core.carrier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ground truth of a generated network, one row per actor: every abusive number (with its
 * category and first and last call), every bombing attack (target, start, end), every number used as
 * a bombing source, and every legitimate high-volume number. CSV with the header {@link #HEADER}.
 */
public final class Truth {
  public static final String HEADER = "kind,number,category,start_ms,end_ms";

  /** What a truth row is about. Codes are persisted. */
  public enum Kind {
    ABUSIVE("abusive"), ATTACK("attack"), SOURCE("source"), LEGITIMATE("legitimate");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    static Kind fromCode(String s) {
      for (Kind k : values()) {
        if (k.code.equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown kind '" + s + "'; expected abusive, attack, source or legitimate");
    }
  }

  /**
   * One actor. {@code category} is a screening category code for abusive numbers and attacks
   * ({@code debt_collection}, {@code marketing}, {@code one_ring}, {@code call_bombing}) and the kind
   * of institution for legitimate ones ({@code bank}, {@code courier}, {@code hospital},
   * {@code call_centre}).
   */
  public record Row(Kind kind, long number, String category, long start, long end) {
    public Row {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(category, "category");
    }
  }

  private Truth() {}

  public static void write(List<Row> rows, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (Row r : rows) {
      out.write(r.kind().code() + ",+" + r.number() + "," + r.category() + "," + r.start() + "," + r.end() + "\n");
    }
  }

  /** @throws CdrFormatException naming the file, line and field of a bad row */
  public static List<Row> read(Path file) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw new CdrFormatException(file.toString(), 1, null, "the header must be '" + HEADER + "'");
      }
      String s;
      long line = 1;
      while ((s = in.readLine()) != null) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        String[] f = s.split(",", -1);
        if (f.length != 5) {
          throw new CdrFormatException(file.toString(), line, null, "expected 5 fields, found " + f.length);
        }
        Kind kind;
        try {
          kind = Kind.fromCode(f[0].toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new CdrFormatException(file.toString(), line, "kind", e.getMessage());
        }
        long number = E164.parse(f[1], 0, f[1].length());
        if (number < 0) {
          throw new CdrFormatException(file.toString(), line, "number", "'" + f[1] + "' is not an E.164 number");
        }
        rows.add(new Row(kind, number, f[2], time(file, line, "start_ms", f[3]), time(file, line, "end_ms", f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static long time(Path file, long line, String field, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new CdrFormatException(file.toString(), line, field, "'" + v + "' is not epoch milliseconds");
    }
  }
}
