package org.dunshield.core.rule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * When a rule is active, in the user's local time: clauses such as {@code "Mon-Fri 22:00-08:00"},
 * {@code "Sat,Sun 00:00-24:00"} or {@code "daily 12:00-14:00"}, several joined by {@code ";"}, each
 * with one or more comma-separated windows. A window whose end is not after its start crosses
 * midnight and belongs to the day it starts on: {@code "Fri 22:00-08:00"} covers Friday 22:00 until
 * Saturday 08:00. Immutable and thread-safe.
 */
public record Schedule(String text, List<Clause> clauses) {
  /** Days and their windows. */
  public record Clause(Set<DayOfWeek> days, List<Window> windows) {
    public Clause {
      days = Set.copyOf(days);
      windows = List.copyOf(windows);
    }
  }

  /** From {@code start} (inclusive) to {@code end} (exclusive), in minutes of the day; end &lt;= start crosses midnight. */
  public record Window(int startMinute, int endMinute) {
    public Window {
      if (startMinute < 0 || startMinute >= 24 * 60 || endMinute < 0 || endMinute > 24 * 60) {
        throw new IllegalArgumentException("window out of range");
      }
    }

    boolean crossesMidnight() {
      return endMinute <= startMinute;
    }
  }

  public Schedule {
    Objects.requireNonNull(text, "text");
    clauses = List.copyOf(clauses);
  }

  private static final String[] DAY_NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static Schedule parse(String text) {
    Objects.requireNonNull(text, "schedule");
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty schedule; expected something like \"Mon-Fri 22:00-08:00\"");
    }
    List<Clause> clauses = new ArrayList<>();
    for (String part : trimmed.split(";")) {
      String clause = part.trim();
      if (clause.isEmpty()) {
        continue;
      }
      String[] fields = clause.split("\\s+", 2);
      Set<DayOfWeek> days;
      String windowsText;
      if (fields.length == 1) {
        days = EnumSet.allOf(DayOfWeek.class);
        windowsText = fields[0];
      } else {
        days = parseDays(fields[0], text);
        windowsText = fields[1];
      }
      List<Window> windows = new ArrayList<>();
      for (String w : windowsText.split(",")) {
        windows.add(parseWindow(w.trim(), text));
      }
      clauses.add(new Clause(days, windows));
    }
    return new Schedule(trimmed, clauses);
  }

  /** Whether the schedule covers the local time {@code at}. */
  public boolean activeAt(ZonedDateTime at) {
    DayOfWeek today = at.getDayOfWeek();
    DayOfWeek yesterday = today.minus(1);
    int minute = at.getHour() * 60 + at.getMinute();
    for (Clause clause : clauses) {
      for (Window w : clause.windows()) {
        if (!w.crossesMidnight()) {
          if (clause.days().contains(today) && minute >= w.startMinute() && minute < w.endMinute()) {
            return true;
          }
        } else {
          if (clause.days().contains(today) && minute >= w.startMinute()) {
            return true;
          }
          if (clause.days().contains(yesterday) && minute < w.endMinute()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether some local time is covered by both schedules (checked minute by minute over a week). */
  public boolean overlaps(Schedule other) {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC); // a Monday
    for (int m = 0; m < 7 * 24 * 60; m++, t = t.plusMinutes(1)) {
      if (activeAt(t) && other.activeAt(t)) {
        return true;
      }
    }
    return false;
  }

  private static Set<DayOfWeek> parseDays(String text, String whole) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("daily") || lower.equals("*") || lower.equals("every")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    if (lower.equals("weekdays")) {
      return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }
    if (lower.equals("weekends")) {
      return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String item : lower.split(",")) {
      String[] range = item.trim().split("-");
      if (range.length == 1) {
        days.add(day(range[0], whole));
      } else if (range.length == 2) {
        DayOfWeek from = day(range[0], whole);
        DayOfWeek to = day(range[1], whole);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          days.add(d);
          if (d == to) {
            break;
          }
        }
      } else {
        throw new IllegalArgumentException("schedule \"" + whole + "\": bad day range '" + item + "'");
      }
    }
    return days;
  }

  private static DayOfWeek day(String name, String whole) {
    String n = name.trim();
    for (int i = 0; i < DAY_NAMES.length; i++) {
      if (n.length() >= 3 && (DAY_NAMES[i].equals(n.substring(0, 3)))
          && DayOfWeek.of(i + 1).name().toLowerCase(Locale.ROOT).startsWith(n)) {
        return DayOfWeek.of(i + 1);
      }
    }
    throw new IllegalArgumentException("schedule \"" + whole + "\": unknown day '" + name
        + "'; use Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges like Mon-Fri, or daily");
  }

  private static Window parseWindow(String text, String whole) {
    String[] ends = text.split("-");
    if (ends.length != 2) {
      throw new IllegalArgumentException("schedule \"" + whole + "\": bad time window '" + text
          + "'; expected HH:MM-HH:MM such as 22:00-08:00");
    }
    return new Window(minute(ends[0], whole, false), minute(ends[1], whole, true));
  }

  private static int minute(String text, String whole, boolean end) {
    String t = text.trim();
    if (end && t.equals("24:00")) {
      return 24 * 60;
    }
    try {
      LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
      return time.getHour() * 60 + time.getMinute();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("schedule \"" + whole + "\": bad time '" + text + "'; expected HH:MM");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
