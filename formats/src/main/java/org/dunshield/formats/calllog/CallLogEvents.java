package org.dunshield.formats.calllog;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.internal.BaseRecordReader;
import org.dunshield.formats.internal.HiddenNumbers;
import org.dunshield.formats.internal.MeteredInputStream;
import org.dunshield.formats.internal.NumberCache;

/** The calls of one CSV call log. Not thread-safe. */
final class CallLogEvents extends BaseRecordReader<CallEvent> {
  private static final List<String> REQUIRED = List.of("number", "date", "type");
  private static final Map<String, String> ALIASES = Map.of("contact_name", "name", "time", "date");

  private final CsvRecords records;
  private final NumberCache numbers;
  private final ZoneId zone;
  private Map<String, Integer> columns;
  private int width;

  CallLogEvents(String file, MeteredInputStream input, CsvRecords records, ReadOptions options) {
    super(file, input);
    this.records = records;
    this.numbers = new NumberCache(options.numbers());
    this.zone = options.zone();
  }

  @Override
  protected CallEvent readNext() throws IOException {
    if (columns == null) {
      readHeader();
    }
    while (true) {
      List<String> row = records.next();
      if (row == null) {
        return null;
      }
      if (isBlank(row)) {
        continue;
      }
      long line = records.recordLine();
      if (row.size() != width) {
        throw new FormatException(file(), line, null,
            "the row has " + row.size() + " fields, but the header names " + width);
      }
      return call(row, line);
    }
  }

  private void readHeader() throws IOException {
    List<String> header;
    do {
      header = records.next();
      if (header == null) {
        throw new FormatException(file(), 0, null, "the file is empty; a CSV call log starts with a header row"
            + " such as number,date,type,duration");
      }
    } while (isBlank(header));
    Map<String, Integer> found = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      name = ALIASES.getOrDefault(name, name);
      if (!name.isEmpty() && found.put(name, i) != null) {
        throw new FormatException(file(), records.recordLine(), "column " + name, "appears twice in the header");
      }
    }
    for (String required : REQUIRED) {
      if (!found.containsKey(required)) {
        throw new FormatException(file(), records.recordLine(), null, "the header has no '" + required
            + "' column; a CSV call log needs at least number,date,type");
      }
    }
    columns = found;
    width = header.size();
  }

  private CallEvent call(List<String> row, long line) {
    String rawNumber = value(row, "number");
    Instant at = date(value(row, "date"), line);
    CallType type = type(value(row, "type"), line);
    Duration duration = duration(value(row, "duration"), line);
    String presentation = value(row, "presentation");
    String name = value(row, "name");

    Presentation implied = HiddenNumbers.implied(rawNumber);
    String raw = implied == null ? rawNumber : "";
    PhoneNumber number = implied == null ? numbers.parseOrNull(raw) : null;
    if (implied == null) {
      implied = Presentation.ALLOWED;
    }
    Presentation shown = presentation.isEmpty() ? implied : presentation(presentation, line);
    return new CallEvent(at, number, raw, shown, type, duration, name.isEmpty() ? null : name);
  }

  private Instant date(String value, long line) {
    if (value.isEmpty()) {
      throw new FormatException(file(), line, "field date", "is empty");
    }
    if (isDigits(value)) {
      if (value.length() <= 11) {
        throw new FormatException(file(), line, "field date", "'" + value
            + "' looks like epoch seconds; write epoch milliseconds or an ISO-8601 date-time");
      }
      try {
        return Instant.ofEpochMilli(Long.parseLong(value));
      } catch (NumberFormatException | DateTimeException e) {
        throw new FormatException(file(), line, "field date", "'" + value + "' is out of range");
      }
    }
    String iso = value.length() > 10 && value.charAt(10) == ' '
        ? value.substring(0, 10) + 'T' + value.substring(11) : value;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw new FormatException(file(), line, "field date", "'" + abbreviate(value)
            + "' is neither an ISO-8601 date-time (2026-10-12T08:40:00+08:00) nor epoch milliseconds");
      }
    }
  }

  private CallType type(String value, long line) {
    String code = value.toLowerCase(Locale.ROOT);
    switch (code) {
      case "incoming":
      case "answered":
      case "1":
        return CallType.ANSWERED;
      case "outgoing":
      case "2":
        return CallType.OUTGOING;
      case "missed":
      case "3":
        return CallType.MISSED;
      case "voicemail":
      case "4":
        return CallType.VOICEMAIL;
      case "rejected":
      case "5":
        return CallType.REJECTED;
      case "refused":
      case "blocked":
      case "6":
        return CallType.REFUSED;
      default:
        throw new FormatException(file(), line, "field type", "'" + abbreviate(value) + "' is not a call type;"
            + " expected incoming, outgoing, missed, voicemail, rejected or blocked");
    }
  }

  private Duration duration(String value, long line) {
    if (value.isEmpty()) {
      return Duration.ZERO;
    }
    if (!isDigits(value) || value.length() > 9) {
      throw new FormatException(file(), line, "field duration", "'" + abbreviate(value)
          + "' is not a whole number of seconds");
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  private Presentation presentation(String value, long line) {
    try {
      if (isDigits(value) && value.length() == 1) {
        return Presentation.fromSmsBackupCode(value.charAt(0) - '0');
      }
      return Presentation.fromCode(value);
    } catch (IllegalArgumentException e) {
      throw new FormatException(file(), line, "field presentation", "'" + abbreviate(value)
          + "' is not a presentation; expected allowed, restricted, unknown or payphone");
    }
  }

  /** The stripped value of a column, "" when the column is absent. */
  private String value(List<String> row, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : row.get(index).strip();
  }

  private static boolean isBlank(List<String> row) {
    for (String field : row) {
      if (!field.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }
}
