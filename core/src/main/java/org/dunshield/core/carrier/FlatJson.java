package org.dunshield.core.carrier;

import java.util.HashMap;
import java.util.Map;

/**
 * The top level of one JSON object, as key to value text: strings unescaped, numbers, booleans and
 * {@code null} as written, nested objects and arrays as their raw text. Enough for CDR lines and the
 * findings files this package writes; not a general JSON library. Immutable.
 */
final class FlatJson {
  private final Map<String, String> values;

  private FlatJson(Map<String, String> values) {
    this.values = values;
  }

  /** The value of {@code key}, or null when absent or JSON {@code null}. */
  String get(String key) {
    return values.get(key);
  }

  /** @throws IllegalArgumentException saying what is wrong and at which character */
  static FlatJson parse(String s) {
    Map<String, String> m = new HashMap<>();
    int[] pos = {skip(s, 0)};
    expect(s, pos, '{');
    pos[0] = skip(s, pos[0]);
    if (pos[0] < s.length() && s.charAt(pos[0]) == '}') {
      pos[0]++;
      return end(s, pos, m);
    }
    while (true) {
      pos[0] = skip(s, pos[0]);
      String key = string(s, pos);
      pos[0] = skip(s, pos[0]);
      expect(s, pos, ':');
      pos[0] = skip(s, pos[0]);
      String value = value(s, pos);
      if (value != null) {
        m.put(key, value);
      }
      pos[0] = skip(s, pos[0]);
      if (pos[0] >= s.length()) {
        throw new IllegalArgumentException("unterminated object");
      }
      char c = s.charAt(pos[0]++);
      if (c == '}') {
        return end(s, pos, m);
      }
      if (c != ',') {
        throw new IllegalArgumentException("expected ',' or '}' at character " + pos[0]);
      }
    }
  }

  private static FlatJson end(String s, int[] pos, Map<String, String> m) {
    if (skip(s, pos[0]) != s.length()) {
      throw new IllegalArgumentException("text after the object at character " + (pos[0] + 1));
    }
    return new FlatJson(m);
  }

  private static String value(String s, int[] pos) {
    char c = s.charAt(pos[0]);
    if (c == '"') {
      return string(s, pos);
    }
    if (c == '{' || c == '[') {
      int start = pos[0];
      int depth = 0;
      boolean inString = false;
      for (int i = start; i < s.length(); i++) {
        char d = s.charAt(i);
        if (inString) {
          if (d == '\\') {
            i++;
          } else if (d == '"') {
            inString = false;
          }
        } else if (d == '"') {
          inString = true;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          pos[0] = i + 1;
          return s.substring(start, i + 1);
        }
      }
      throw new IllegalArgumentException("unterminated " + (c == '{' ? "object" : "array"));
    }
    int start = pos[0];
    while (pos[0] < s.length() && ",} \t".indexOf(s.charAt(pos[0])) < 0) {
      pos[0]++;
    }
    String v = s.substring(start, pos[0]);
    if (v.equals("null")) {
      return null;
    }
    if (v.isEmpty() || !(v.equals("true") || v.equals("false") || v.matches("-?[0-9][0-9.eE+-]*"))) {
      throw new IllegalArgumentException("bad value '" + v + "' at character " + (start + 1));
    }
    return v;
  }

  private static String string(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder b = new StringBuilder();
    while (pos[0] < s.length()) {
      char c = s.charAt(pos[0]++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        if (pos[0] >= s.length()) {
          break;
        }
        char e = s.charAt(pos[0]++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (pos[0] + 4 > s.length()) {
              throw new IllegalArgumentException("bad \\u escape");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
            } catch (NumberFormatException x) {
              throw new IllegalArgumentException("bad \\u escape at character " + pos[0]);
            }
            pos[0] += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  private static void expect(String s, int[] pos, char c) {
    if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at character " + (pos[0] + 1));
    }
    pos[0]++;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
