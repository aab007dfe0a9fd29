package org.dunshield.sip;

import java.util.List;
import java.util.Locale;
import org.dunshield.core.event.Presentation;

/**
 * Who is calling, as far as the INVITE tells: the number as written (not yet normalised) and how it
 * was presented. Immutable.
 *
 * @param number the caller's user part, or {@code null} when withheld or absent
 * @param presentation {@code allowed}, or {@code restricted} for a withheld identity, {@code unknown}
 *     when the request names no caller
 */
record Caller(String number, Presentation presentation) {
  private static final List<String> HIDING = List.of("id", "header", "user");

  /**
   * Identifies the caller from the URI of P-Asserted-Identity (preferred, set by the caller's
   * network) or From, and the Privacy header values: {@code id} (RFC 3325), {@code header} or
   * {@code user} (RFC 3323) mean hidden, as does an anonymous From.
   *
   * @param assertedUri the first P-Asserted-Identity URI, or {@code null}
   * @param privacy the Privacy header values, possibly empty
   * @param fromUri the From URI
   */
  static Caller identify(String assertedUri, List<String> privacy, String fromUri) {
    for (String value : privacy) {
      for (String token : value.toLowerCase(Locale.ROOT).split("[;,\\s]+")) {
        if (HIDING.contains(token)) {
          return new Caller(null, Presentation.RESTRICTED);
        }
      }
    }
    String user = userPart(assertedUri);
    if (user == null) {
      user = userPart(fromUri);
    }
    if (user == null || user.isBlank()) {
      return new Caller(null, Presentation.UNKNOWN);
    }
    String lower = user.toLowerCase(Locale.ROOT);
    if (lower.equals("anonymous") || lower.equals("restricted") || lower.equals("private")
        || (fromUri != null && fromUri.toLowerCase(Locale.ROOT).contains("@anonymous.invalid"))) {
      return new Caller(null, Presentation.RESTRICTED);
    }
    if (lower.equals("unavailable") || lower.equals("unknown")) {
      return new Caller(null, Presentation.UNKNOWN);
    }
    return new Caller(user, Presentation.ALLOWED);
  }

  /**
   * The user part of a {@code sip:}, {@code sips:} or {@code tel:} URI, without parameters, or
   * {@code null} when there is none.
   */
  static String userPart(String uri) {
    if (uri == null) {
      return null;
    }
    String u = uri.trim();
    if (u.startsWith("<") && u.endsWith(">")) {
      u = u.substring(1, u.length() - 1);
    }
    String lower = u.toLowerCase(Locale.ROOT);
    String rest;
    if (lower.startsWith("tel:")) {
      rest = u.substring(4);
    } else if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      rest = u.substring(u.indexOf(':') + 1);
      int at = rest.lastIndexOf('@');
      if (at < 0) {
        return null;
      }
      rest = rest.substring(0, at);
      int password = rest.indexOf(':');
      if (password >= 0) {
        rest = rest.substring(0, password);
      }
    } else {
      return null;
    }
    int params = rest.indexOf(';');
    String user = params >= 0 ? rest.substring(0, params) : rest;
    return user.isEmpty() ? null : decode(user);
  }

  /** Undoes %XX escapes (a {@code +} may arrive as {@code %2B}); leaves malformed escapes alone. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
