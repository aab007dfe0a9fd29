package org.dunshield.core.rule;

import java.util.Arrays;

/**
 * A regex that is a fixed sequence of single characters: literal digits, {@code \+}, {@code \d} and
 * digit classes such as {@code [5-9]}, each optionally repeated a fixed number of times
 * ({@code \d{7}}), with optional anchors {@code ^} and {@code $}. Most number regexes have this shape
 * ({@code ^1700\d{7}$}, {@code ^400[1-9]\d{6}$}, {@code 8888$}); such a regex matches a text when
 * some window of the text, as long as the sequence, has an allowed character at every place, which
 * is checked here without running RE2/J. Immutable and thread-safe.
 */
final class DigitSequence {
  private static final int PLUS = 1 << 10;
  private static final int ANY_DIGIT = 0x3FF;
  private static final int MAX_PLACES = 64;

  /** Per place: bit d allows digit d, bit 10 allows '+'. */
  private final int[] allowed;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;

  private DigitSequence(int[] allowed, boolean anchoredStart, boolean anchoredEnd) {
    this.allowed = allowed;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = anchoredEnd;
  }

  /** The sequence {@code regex} is, or null when it has any other shape (RE2/J then decides). */
  static DigitSequence of(String regex) {
    int[] places = new int[MAX_PLACES];
    int count = 0;
    boolean start = regex.startsWith("^");
    boolean end = false;
    int i = start ? 1 : 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      int mask;
      if (c == '$' && i == regex.length() - 1) {
        end = true;
        break;
      } else if (c >= '0' && c <= '9') {
        mask = 1 << (c - '0');
        i++;
      } else if (regex.startsWith("\\d", i)) {
        mask = ANY_DIGIT;
        i += 2;
      } else if (regex.startsWith("\\+", i)) {
        mask = PLUS;
        i += 2;
      } else if (c == '[') {
        int close = regex.indexOf(']', i + 1);
        mask = close < 0 ? 0 : digitClass(regex.substring(i + 1, close));
        if (mask == 0) {
          return null;
        }
        i = close + 1;
      } else {
        return null;
      }
      int times = 1;
      if (i < regex.length() && regex.charAt(i) == '{') {
        int close = regex.indexOf('}', i);
        String n = close < 0 ? "" : regex.substring(i + 1, close);
        if (n.isEmpty() || n.length() > 2 || n.startsWith("0") || !n.chars().allMatch(d -> d >= '0' && d <= '9')) {
          return null; // {0}, ranges, {,n} and other forms: not this shape
        }
        times = Integer.parseInt(n);
        i = close + 1;
      }
      if (i < regex.length() && "*+?{".indexOf(regex.charAt(i)) >= 0) {
        return null;
      }
      if (count + times > MAX_PLACES) {
        return null;
      }
      for (int k = 0; k < times; k++) {
        places[count++] = mask;
      }
    }
    return count == 0 ? null : new DigitSequence(Arrays.copyOf(places, count), start, end);
  }

  /** The digits a class such as {@code 5-9}, {@code 078} or {@code 0-36} allows, or 0 for anything else. */
  private static int digitClass(String body) {
    int mask = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char to = body.charAt(i + 2);
        if (to < c || to > '9') {
          return 0;
        }
        for (char d = c; d <= to; d++) {
          mask |= 1 << (d - '0');
        }
        i += 2;
      } else {
        mask |= 1 << (c - '0');
      }
    }
    return mask;
  }

  /** Whether the regex finds a match in {@code text}, as RE2/J's {@code find} would say. */
  boolean find(String text) {
    int last = text.length() - allowed.length;
    int first = anchoredEnd ? last : 0;
    if (anchoredStart) {
      last = Math.min(last, 0);
    }
    for (int from = Math.max(first, 0); from <= last; from++) {
      if (matchesAt(text, from)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesAt(String text, int from) {
    for (int k = 0; k < allowed.length; k++) {
      char c = text.charAt(from + k);
      int bit = c >= '0' && c <= '9' ? 1 << (c - '0') : c == '+' ? PLUS : 0;
      if ((allowed[k] & bit) == 0) {
        return false;
      }
    }
    return true;
  }
}
