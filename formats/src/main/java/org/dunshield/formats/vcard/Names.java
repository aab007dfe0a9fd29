package org.dunshield.formats.vcard;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns vCard text values into a display name: {@code FN} when present, else {@code N}, else the
 * first component of {@code ORG}. Undoes vCard text escapes ({@code \,} {@code \;} {@code \\}
 * {@code \n}). Stateless.
 */
final class Names {
  private Names() {}

  static String displayName(String fullName, String structuredName, String organisation) {
    if (fullName != null && !fullName.isBlank()) {
      return unescape(fullName).strip();
    }
    if (structuredName != null) {
      String fromN = fromStructured(components(structuredName));
      if (!fromN.isEmpty()) {
        return fromN;
      }
    }
    if (organisation != null) {
      List<String> units = components(organisation);
      if (!units.isEmpty()) {
        return units.get(0).strip();
      }
    }
    return "";
  }

  /**
   * {@code N} is family;given;additional;prefix;suffix. Chinese, Japanese and Korean names are
   * written family name first without spaces (王;磊 becomes 王磊); others given name first.
   */
  static String fromStructured(List<String> parts) {
    String family = part(parts, 0);
    String given = part(parts, 1);
    String additional = part(parts, 2);
    String prefix = part(parts, 3);
    String suffix = part(parts, 4);
    if (isEastAsian(family) || isEastAsian(given)) {
      return (family + additional + given).strip();
    }
    StringBuilder s = new StringBuilder();
    for (String piece : new String[] {prefix, given, additional, family, suffix}) {
      if (!piece.isEmpty()) {
        if (s.length() > 0) {
          s.append(' ');
        }
        s.append(piece);
      }
    }
    return s.toString();
  }

  /** Splits at unescaped semicolons and undoes the escapes in each component. */
  static List<String> components(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
      } else if (c == ';') {
        parts.add(unescape(current.toString()));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(unescape(current.toString()));
    return parts;
  }

  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder s = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        s.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static String part(List<String> parts, int index) {
    return index < parts.size() ? parts.get(index).strip() : "";
  }

  private static boolean isEastAsian(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
