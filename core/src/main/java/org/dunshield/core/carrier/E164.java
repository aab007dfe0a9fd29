package org.dunshield.core.carrier;

/**
 * E.164 numbers as {@code long}s: the digits after the {@code +} (country code first, at most 15
 * digits, never a leading zero), so "+8613800000000" is 8613800000000. CDR files carry numbers in
 * E.164 already (switches write them so); this is the proven-equal fast path that keeps number
 * parsing off the per-record hot path. Numbers in any other shape are refused, not guessed.
 */
public final class E164 {
  private E164() {}

  /** The number's digits as a long, or -1 when {@code s[from, to)} is not {@code +} and 7 to 15 digits. */
  public static long parse(CharSequence s, int from, int to) {
    int len = to - from;
    if (len < 8 || len > 16 || s.charAt(from) != '+' || s.charAt(from + 1) == '0') {
      return -1;
    }
    long v = 0;
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** @throws IllegalArgumentException when {@code s} is not an E.164 number */
  public static long parse(String s) {
    long v = parse(s, 0, s.length());
    if (v < 0) {
      throw new IllegalArgumentException("'" + s + "' is not an E.164 number (+ and 7 to 15 digits)");
    }
    return v;
  }

  public static String format(long number) {
    return "+" + number;
  }
}
