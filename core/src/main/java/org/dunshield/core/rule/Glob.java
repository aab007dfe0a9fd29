package org.dunshield.core.rule;

/**
 * Digit wildcard patterns: {@code *} matches any run of digits (also none), {@code ?} exactly one
 * digit, anything else itself. Matching is linear in practice (greedy with single backtrack point,
 * O(n·m) worst case on 15-digit inputs). Stateless and thread-safe.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /** Whether some digit string matches both patterns (emptiness of the product automaton). */
  static boolean intersects(String a, String b) {
    return intersects(a, 0, b, 0, new boolean[a.length() + 1][b.length() + 1]);
  }

  /** One digit string matching both patterns, or {@code null} when they are disjoint. */
  static String witness(String a, String b) {
    StringBuilder out = new StringBuilder();
    return witness(a, 0, b, 0, new boolean[a.length() + 1][b.length() + 1], out) ? out.toString() : null;
  }

  private static boolean intersects(String a, int i, String b, int j, boolean[][] seen) {
    return witness(a, i, b, j, seen, new StringBuilder());
  }

  private static boolean witness(String a, int i, String b, int j, boolean[][] seen, StringBuilder out) {
    if (seen[i][j]) {
      return false;
    }
    seen[i][j] = true;
    boolean aEnd = i == a.length();
    boolean bEnd = j == b.length();
    if (aEnd && bEnd) {
      return true;
    }
    if (!aEnd && a.charAt(i) == '*' && witness(a, i + 1, b, j, seen, out)) {
      return true;
    }
    if (!bEnd && b.charAt(j) == '*' && witness(a, i, b, j + 1, seen, out)) {
      return true;
    }
    if (aEnd || bEnd) {
      return false;
    }
    char ca = a.charAt(i);
    char cb = b.charAt(j);
    char digit;
    if (ca == '*' || ca == '?') {
      digit = (cb == '*' || cb == '?') ? '0' : cb;
    } else if (cb == '*' || cb == '?' || cb == ca) {
      digit = ca;
    } else {
      return false;
    }
    int nextI = ca == '*' ? i : i + 1;
    int nextJ = cb == '*' ? j : j + 1;
    if (nextI == i && nextJ == j) {
      return false; // both on a star: consuming changes nothing; leaving a star is the epsilon move above
    }
    out.append(digit);
    if (witness(a, nextI, b, nextJ, seen, out)) {
      return true;
    }
    out.setLength(out.length() - 1);
    return false;
  }
}
