package org.dunshield.core.loan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of the one-year LPR, loaded from the versioned data file {@code lpr.tsv} (its header
 * documents the format) or from a file the user keeps up to date. Immutable and thread-safe.
 */
public final class LprTable {
  /** One row: the rate in percent that applies from {@code from} until the next row. */
  public record Entry(LocalDate from, BigDecimal percent) {}

  private final List<Entry> entries;

  private LprTable(List<Entry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the LPR table has no rows");
    }
    this.entries = List.copyOf(entries);
  }

  /** The table shipped with Dunshield. */
  public static LprTable bundled() {
    try (InputStream in = LprTable.class.getResourceAsStream("lpr.tsv")) {
      if (in == null) {
        throw new IllegalStateException("lpr.tsv missing from the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "lpr.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table from a file in the same format, e.g. one the user updated. */
  public static LprTable load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read LPR table " + file + ": " + e.getMessage(), e);
    }
  }

  static LprTable parse(Reader in, String source) throws IOException {
    List<Entry> rows = new ArrayList<>();
    BufferedReader reader = new BufferedReader(in);
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      rows.add(row(line.split("\t"), source + " line " + lineNo, rows));
    }
    return new LprTable(rows);
  }

  private static Entry row(String[] f, String where, List<Entry> before) {
    if (f.length < 2) {
      throw new IllegalArgumentException(where + ": expected DATE<TAB>PERCENT");
    }
    try {
      Entry e = new Entry(LocalDate.parse(f[0].trim()), new BigDecimal(f[1].trim()));
      if (e.percent().signum() <= 0 || e.percent().compareTo(BigDecimal.valueOf(20)) > 0) {
        throw new IllegalArgumentException(where + ": rate " + e.percent() + " is not 0-20 %");
      }
      if (!before.isEmpty() && !e.from().isAfter(before.get(before.size() - 1).from())) {
        throw new IllegalArgumentException(where + ": dates must increase");
      }
      return e;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** The rate in force on a date; empty before the first row (the LPR reform of 2019-08-20). */
  public Optional<Entry> on(LocalDate date) {
    Entry found = null;
    for (Entry e : entries) {
      if (e.from().isAfter(date)) {
        break;
      }
      found = e;
    }
    return Optional.ofNullable(found);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Entry latest() {
    return entries.get(entries.size() - 1);
  }
}
