package org.dunshield.core.loan;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** How long a loan runs: a number of months (every method) or days (bullet loans only). */
public record Term(int count, Unit unit) {
  /** The unit of a term; the code is the suffix used in text ({@code 12m}, {@code 30d}). */
  public enum Unit {
    MONTHS("m", 600),
    DAYS("d", 3650);

    private final String code;
    private final int max;

    Unit(String code, int max) {
      this.code = code;
      this.max = max;
    }

    public String code() {
      return code;
    }
  }

  public Term {
    Objects.requireNonNull(unit, "unit");
    if (count < 1) {
      throw new IllegalArgumentException("term must be at least 1, got " + count);
    }
    if (count > unit.max) {
      throw new IllegalArgumentException(
          "term of " + count + unit.code + " is longer than " + unit.max + unit.code);
    }
  }

  public static Term months(int count) {
    return new Term(count, Unit.MONTHS);
  }

  public static Term days(int count) {
    return new Term(count, Unit.DAYS);
  }

  /** Parses {@code 12} or {@code 12m} (months) and {@code 30d} (days). */
  public static Term parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Unit unit = t.endsWith("d") ? Unit.DAYS : Unit.MONTHS;
    String digits = t.endsWith("d") || t.endsWith("m") ? t.substring(0, t.length() - 1) : t;
    try {
      return new Term(Integer.parseInt(digits.trim()), unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a term: '" + text + "'; write e.g. 12 or 30d", e);
    }
  }

  /** The date the term ends when it starts on {@code start}. */
  public LocalDate end(LocalDate start) {
    return unit == Unit.MONTHS ? start.plusMonths(count) : start.plusDays(count);
  }

  @Override
  public String toString() {
    return count + unit.code;
  }
}
