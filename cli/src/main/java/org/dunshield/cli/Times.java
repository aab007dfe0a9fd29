package org.dunshield.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parses the times and dates users type on the command line. */
final class Times {
  private Times() {}

  /**
   * An instant from {@code 2026-10-14T10:00:00+08:00}, {@code 2026-10-14T02:00:00Z}, or a local
   * {@code 2026-10-14T10:00} in {@code zone}.
   */
  static Instant instant(String option, String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(option + ": '" + text
            + "' is not an ISO-8601 time such as 2026-10-14T10:00:00+08:00");
      }
    }
  }

  /** The start of a day ({@code 2026-10-14}) in {@code zone}, or an exact time. */
  static Instant dayOrInstant(String option, String text, ZoneId zone, boolean endOfDay) {
    try {
      LocalDate day = LocalDate.parse(text);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADay) {
      return instant(option, text, zone);
    }
  }
}
