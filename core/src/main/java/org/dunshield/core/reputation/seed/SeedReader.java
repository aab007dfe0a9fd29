package org.dunshield.core.reputation.seed;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Report;
import org.dunshield.core.screen.Category;

/**
 * Reads a seed list completely into reports, or fails with every problem found (up to
 * {@value #MAX_PROBLEMS}) and their line numbers. Nothing is stored here: the caller stores the
 * batch in one transaction, so a file imports completely or not at all. Stateless; thread-safe.
 */
public final class SeedReader {
  /** Problems collected before reading stops. */
  public static final int MAX_PROBLEMS = 50;

  /** The longest line accepted, in characters. */
  public static final int MAX_LINE = 64 * 1024;

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
  private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]", Locale.ROOT);
  private static final NumberParser US = NumberParser.forRegion("US");

  /**
   * How to read.
   *
   * @param reporter the reporter the seed reports are attributed to
   * @param listCategory the category of every number of a plain list
   * @param now the report time of CSV and list entries (FTC complaints carry their own dates)
   * @param maxRows the most data rows accepted
   * @param numbers the parser for numbers written without a country code
   */
  public record Options(String reporter, Category listCategory, Instant now, long maxRows, NumberParser numbers) {
    public Options {
      Report.validReporterId(reporter);
      Objects.requireNonNull(listCategory, "listCategory");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(numbers, "numbers");
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be positive");
      }
    }
  }

  /**
   * What was read.
   *
   * @param reports one report per distinct number
   * @param rows data rows read
   * @param duplicates rows that repeated an earlier row's number and category (skipped)
   */
  public record Batch(List<Report> reports, long rows, long duplicates) {}

  private SeedReader() {}

  /**
   * Reads {@code in} as {@code format}; {@code source} names it in errors.
   *
   * @throws SeedException listing the problems when there is any; nothing of the file is returned then
   */
  public static Batch read(Reader in, SeedFormat format, String source, Options options) throws IOException {
    Lines lines = new Lines(in);
    return switch (format) {
      case CSV -> new Simple(source, options, true).read(lines);
      case LIST -> new Simple(source, options, false).read(lines);
      case FTC -> new Ftc(source, options).read(lines);
    };
  }

  /** Lines with their numbers, a leading byte-order mark dropped, and a length limit. */
  private static final class Lines {
    private final Reader in;
    private long number;
    private final StringBuilder buffer = new StringBuilder();

    Lines(Reader in) {
      this.in = in;
    }

    /** The next line, or {@code null} at the end. */
    String next() throws IOException {
      buffer.setLength(0);
      int c;
      boolean any = false;
      while ((c = in.read()) != -1) {
        any = true;
        if (c == '\n') {
          break;
        }
        if (buffer.length() >= MAX_LINE) {
          throw new LineTooLong(number + 1);
        }
        buffer.append((char) c);
      }
      if (!any) {
        return null;
      }
      number++;
      int end = buffer.length();
      if (end > 0 && buffer.charAt(end - 1) == '\r') {
        buffer.setLength(end - 1);
      }
      if (number == 1 && buffer.length() > 0 && buffer.charAt(0) == '\uFEFF') {
        buffer.deleteCharAt(0);
      }
      return buffer.toString();
    }
  }

  private static final class LineTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long line;

    LineTooLong(long line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  /** Problem collection shared by the layouts. */
  private abstract static class Collector {
    final String source;
    final Options options;
    final List<SeedException.Problem> problems = new ArrayList<>();
    long rows;

    Collector(String source, Options options) {
      this.source = source;
      this.options = options;
    }

    void problem(long line, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new SeedException.Problem(line, message));
      }
    }

    boolean full() {
      return problems.size() >= MAX_PROBLEMS;
    }

    /** Counts a data row; false (with a problem) once there are too many. */
    boolean countRow() {
      rows++;
      if (rows > options.maxRows()) {
        problem(0, "more than " + options.maxRows() + " rows, the most one import takes; split the file");
        return false;
      }
      return true;
    }

    Batch read(Lines lines) throws IOException {
      try {
        readAll(lines);
      } catch (LineTooLong e) {
        problem(e.line, "longer than " + MAX_LINE + " characters");
      }
      if (!problems.isEmpty()) {
        throw new SeedException(source, problems);
      }
      return result();
    }

    abstract void readAll(Lines lines) throws IOException;

    abstract Batch result();

    PhoneNumber number(String raw, NumberParser parser) {
      return parser.parse(raw);
    }
  }

  /** CSV {@code number,category[,comment]} and plain lists. */
  private static final class Simple extends Collector {
    private final boolean csv;
    private final Map<Long, Long> firstLine = new HashMap<>();
    private final Map<Long, Report> reports = new LinkedHashMap<>();
    private long duplicates;

    Simple(String source, Options options, boolean csv) {
      super(source, options);
      this.csv = csv;
    }

    @Override
    void readAll(Lines lines) throws IOException {
      boolean first = true;
      String line;
      while ((line = lines.next()) != null && !full()) {
        String content = csv ? line.strip() : stripComment(line);
        if (content.isEmpty() || content.startsWith("#")) {
          continue;
        }
        if (csv && first && isHeader(content)) {
          first = false;
          continue;
        }
        first = false;
        if (!countRow()) {
          return;
        }
        entry(lines.number, content);
      }
    }

    private static String stripComment(String line) {
      int hash = line.indexOf('#');
      return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static boolean isHeader(String line) {
      String head = line.toLowerCase(Locale.ROOT);
      return head.startsWith("number") || head.startsWith("\"number\"") || head.startsWith("phone");
    }

    private void entry(long line, String content) {
      String raw;
      Category category = options.listCategory();
      String comment = "";
      if (csv) {
        List<String> fields;
        try {
          fields = CsvLine.split(content);
        } catch (IllegalArgumentException e) {
          problem(line, e.getMessage());
          return;
        }
        if (fields.size() < 2 || fields.size() > 3) {
          problem(line, "expected number,category[,comment], got " + fields.size() + " field"
              + (fields.size() == 1 ? "" : "s"));
          return;
        }
        raw = fields.get(0);
        try {
          category = Category.fromCode(fields.get(1));
        } catch (IllegalArgumentException e) {
          problem(line, e.getMessage());
          return;
        }
        comment = fields.size() == 3 ? fields.get(2) : "";
      } else {
        raw = content;
      }
      PhoneNumber number;
      Report report;
      try {
        number = number(raw, options.numbers());
        report = new Report(number, category, comment, options.reporter(), options.now());
      } catch (IllegalArgumentException e) {
        problem(line, e.getMessage());
        return;
      }
      Long earlier = firstLine.putIfAbsent(number.digits(), line);
      if (earlier != null) {
        Report kept = reports.get(number.digits());
        if (kept.category() == category) {
          duplicates++;
        } else {
          problem(line, number.e164() + " is already on line " + earlier + " as " + kept.category().code()
              + ", here as " + category.code());
        }
        return;
      }
      reports.put(number.digits(), report);
    }

    @Override
    Batch result() {
      return new Batch(List.copyOf(reports.values()), rows, duplicates);
    }
  }

  /** The FTC Do-Not-Call complaint layout: many complaints per number become one report. */
  private static final class Ftc extends Collector {
    private static final String PHONE = "company_phone_number";
    private static final String SUBJECT = "subject";
    private static final String CREATED = "created_date";
    private static final String VIOLATION = "violation_date";
    private static final String ROBOCALL = "recorded_message_or_robocall";

    /** Complaints about one number. */
    private static final class Tally {
      final PhoneNumber number;
      final Map<Category, Integer> categories = new EnumMap<>(Category.class);
      int complaints;
      Instant latest;

      Tally(PhoneNumber number) {
        this.number = number;
      }
    }

    private final Map<Long, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, Integer> columns = new HashMap<>();
    private int width;

    Ftc(String source, Options options) {
      super(source, options);
    }

    @Override
    void readAll(Lines lines) throws IOException {
      String line;
      boolean header = true;
      while ((line = lines.next()) != null && !full()) {
        if (line.isBlank()) {
          continue;
        }
        List<String> fields;
        try {
          fields = CsvLine.split(line);
        } catch (IllegalArgumentException e) {
          problem(lines.number, e.getMessage());
          continue;
        }
        if (header) {
          header = false;
          if (!header(lines.number, fields)) {
            return;
          }
          continue;
        }
        if (!countRow()) {
          return;
        }
        complaint(lines.number, fields);
      }
      if (header) {
        problem(0, "empty file: expected the FTC header row starting Company_Phone_Number");
      }
    }

    private boolean header(long line, List<String> fields) {
      for (int i = 0; i < fields.size(); i++) {
        columns.put(fields.get(i).toLowerCase(Locale.ROOT), i);
      }
      width = fields.size();
      if (!columns.containsKey(PHONE) || !columns.containsKey(SUBJECT)) {
        problem(line, "not the FTC complaint layout: the header needs Company_Phone_Number and Subject, got "
            + fields);
        return false;
      }
      return true;
    }

    private void complaint(long line, List<String> fields) {
      if (fields.size() != width) {
        problem(line, "expected " + width + " fields like the header, got " + fields.size());
        return;
      }
      String raw = fields.get(columns.get(PHONE));
      PhoneNumber number;
      try {
        number = raw.startsWith("+") ? options.numbers().parse(raw) : US.parse(raw);
      } catch (IllegalArgumentException e) {
        problem(line, "Company_Phone_Number: " + e.getMessage());
        return;
      }
      Instant at;
      try {
        at = date(fields, CREATED);
        if (at == null) {
          at = date(fields, VIOLATION);
        }
      } catch (DateTimeParseException e) {
        problem(line, "date '" + e.getParsedString() + "' is not a date such as 2026-10-14 09:30:00 or 10/14/2026");
        return;
      }
      if (at == null || at.isAfter(options.now())) {
        at = options.now();
      }
      String robocall = columns.containsKey(ROBOCALL) ? fields.get(columns.get(ROBOCALL)) : "";
      Category category = FtcSubjects.defaults().categoryOf(fields.get(columns.get(SUBJECT)),
          robocall.equalsIgnoreCase("y") || robocall.equalsIgnoreCase("yes"));
      Tally tally = tallies.computeIfAbsent(number.digits(), k -> new Tally(number));
      tally.complaints++;
      tally.categories.merge(category, 1, Integer::sum);
      tally.latest = tally.latest == null || at.isAfter(tally.latest) ? at : tally.latest;
    }

    private Instant date(List<String> fields, String column) {
      Integer i = columns.get(column);
      if (i == null || fields.get(i).isBlank()) {
        return null;
      }
      return parseDate(fields.get(i).strip());
    }

    @Override
    Batch result() {
      List<Report> reports = new ArrayList<>();
      long complaints = 0;
      for (Tally t : tallies.values()) {
        Category best = null;
        for (Map.Entry<Category, Integer> e : t.categories.entrySet()) {
          if (best == null || e.getValue() > t.categories.get(best)) {
            best = e.getKey();
          }
        }
        complaints += t.complaints;
        reports.add(new Report(t.number, best, "FTC DNC: " + t.complaints + (t.complaints == 1 ? " complaint"
            : " complaints"), options.reporter(), t.latest));
      }
      return new Batch(List.copyOf(reports), rows, complaints - reports.size());
    }
  }

  /** ISO dates and times (with or without offset, space or T), or US {@code M/d/yyyy [H:mm[:ss]]}; UTC when no offset. */
  static Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    try {
      return LocalDateTime.parse(text, US_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next shape
    }
    return LocalDate.parse(text, US_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
