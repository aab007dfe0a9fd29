package org.dunshield.cli.loan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses the dates given on the command line. */
final class Dates {
  private Dates() {}

  static LocalDate parse(String option, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a date like 2025-06-30, got '" + text + "'");
    }
  }

  static LocalDate parseOr(String option, String text, LocalDate fallback) {
    return text == null ? fallback : parse(option, text);
  }
}
