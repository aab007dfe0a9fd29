package org.dunshield.core.loan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Day-count conventions: how many days of interest lie between two dates and how many days make a
 * year. {@code 30/360} is the bond basis (ISDA 2006 4.16(f)): every full month counts 30 days, so a
 * monthly period at an annual rate costs exactly rate / 12. Codes are persisted.
 */
public enum DayCount {
  ACT_360("act360", 360),
  ACT_365("act365", 365),
  THIRTY_360("30-360", 360);

  private final String code;
  private final int yearDays;

  DayCount(String code, int yearDays) {
    this.code = code;
    this.yearDays = yearDays;
  }

  public String code() {
    return code;
  }

  /** The days in a year for converting an annual rate into a daily one. */
  public int yearDays() {
    return yearDays;
  }

  /** Days of interest from {@code from} (inclusive) to {@code to} (exclusive). */
  public long days(LocalDate from, LocalDate to) {
    if (this != THIRTY_360) {
      return ChronoUnit.DAYS.between(from, to);
    }
    int d1 = Math.min(from.getDayOfMonth(), 30);
    int d2 = to.getDayOfMonth();
    if (d2 == 31 && d1 == 30) {
      d2 = 30;
    }
    return 360L * (to.getYear() - from.getYear())
        + 30L * (to.getMonthValue() - from.getMonthValue())
        + (d2 - d1);
  }

  /** Accepts {@code act360}, {@code act/360}, {@code act365}, {@code 30-360}, {@code 30/360}. */
  public static DayCount fromCode(String code) {
    String normal = code.trim().toLowerCase(Locale.ROOT).replace("/", "").replace("-", "");
    for (DayCount d : values()) {
      if (d.code.replace("-", "").equals(normal)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown day count '" + code + "'; expected act360, act365 or 30-360");
  }
}
