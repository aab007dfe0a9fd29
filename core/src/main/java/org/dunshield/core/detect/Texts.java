package org.dunshield.core.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small helpers for the detectors' bilingual reasons. */
final class Texts {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private Texts() {}

  static String clock(Instant at, ZoneId zone) {
    return CLOCK.format(at.atZone(zone));
  }

  /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ... */
  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
