package org.dunshield.sip;

/**
 * A From, To, Contact, Route or P-Asserted-Identity value (RFC 3261 20.10, 25.1): an optional
 * display name, the URI (in angle brackets or bare) and header parameters such as {@code tag}.
 * Immutable.
 *
 * @param uri the URI, parsed
 * @param params the header parameters as written, starting with {@code ;}, or empty
 */
record NameAddr(SipUri uri, String params) {

  /**
   * Parses a header value.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static NameAddr parse(String value) {
    String v = value.trim();
    int open = -1;
    boolean quoted = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' && (i == 0 || v.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == '<' && !quoted) {
        open = i;
        break;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed quote in '" + SipMessage.printable(value) + "'");
    }
    String uri;
    String rest;
    if (open >= 0) {
      int close = v.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed < in '" + SipMessage.printable(value) + "'");
      }
      uri = v.substring(open + 1, close);
      rest = v.substring(close + 1).trim();
    } else {
      int semi = v.indexOf(';');
      uri = semi < 0 ? v : v.substring(0, semi);
      rest = semi < 0 ? "" : v.substring(semi);
    }
    if (!rest.isEmpty() && rest.charAt(0) != ';') {
      throw new IllegalArgumentException("'" + SipMessage.printable(rest) + "' after the URI");
    }
    String params = rest;
    for (int i = 0; i < params.length(); i++) {
      char c = params.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("bad parameters '" + SipMessage.printable(rest) + "'");
      }
    }
    return new NameAddr(SipUri.parse(uri.trim()), params);
  }

  /** The value of header parameter {@code name} ({@code ""} for a flag), or {@code null}. */
  String param(String name) {
    return Via.param(params, name);
  }

  /** The tag parameter of a From or To value, or {@code null} (also for a value that does not parse). */
  static String tagOf(String value) {
    try {
      return parse(value).param("tag");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
