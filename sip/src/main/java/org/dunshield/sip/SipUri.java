package org.dunshield.sip;

import java.util.Locale;

/**
 * A {@code sip:}, {@code sips:} or {@code tel:} URI (RFC 3261 19.1, RFC 3966), checked character by
 * character as it is parsed: a URI this accepts can be written back into a message unchanged.
 * Immutable.
 *
 * @param scheme {@code sip}, {@code sips} or {@code tel}, lower case
 * @param user the user part (with any password after {@code :}), the number of a tel: URI, or
 *     {@code null}
 * @param host the host (brackets kept for IPv6), {@code null} for tel:
 * @param port the port, or -1 when absent
 * @param params the parameters as written, starting with {@code ;}, or empty
 * @param headers the headers as written, starting with {@code ?}, or empty
 */
record SipUri(String scheme, String user, String host, int port, String params, String headers) {

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static SipUri parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not a URI");
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = text.substring(colon + 1);
    if (scheme.equals("tel")) {
      int semi = rest.indexOf(';');
      String number = semi < 0 ? rest : rest.substring(0, semi);
      if (number.isEmpty() || !telephoneNumber(number)) {
        throw new IllegalArgumentException("'" + text + "' is no telephone number");
      }
      String params = semi < 0 ? "" : rest.substring(semi);
      checkParams(params, text);
      return new SipUri(scheme, number, null, -1, params, "");
    }
    if (!scheme.equals("sip") && !scheme.equals("sips")) {
      throw new IllegalArgumentException("unsupported URI scheme '" + scheme + "' in '" + text + "'");
    }
    String headers = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      headers = rest.substring(question);
      rest = rest.substring(0, question);
      if (!chars(headers.substring(1), "-_.!~*'()%[]/?:+$=&", true)) {
        throw new IllegalArgumentException("bad URI headers in '" + text + "'");
      }
    }
    String user = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      if (rest.indexOf('@', at + 1) >= 0) {
        throw new IllegalArgumentException("two @ in '" + text + "'");
      }
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
      if (user.isEmpty() || !chars(user, "-_.!~*'()%&=+$,;?/:", true)) {
        throw new IllegalArgumentException("bad user part in '" + text + "'");
      }
    }
    int semi = rest.indexOf(';');
    String hostPort = semi < 0 ? rest : rest.substring(0, semi);
    String params = semi < 0 ? "" : rest.substring(semi);
    checkParams(params, text);
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || !chars(hostPort.substring(1, close), ":.", true) || close == 1) {
        throw new IllegalArgumentException("bad IPv6 reference in '" + text + "'");
      }
      host = hostPort.substring(0, close + 1);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          throw new IllegalArgumentException("bad host in '" + text + "'");
        }
        portText = after.substring(1);
      }
    } else {
      int portColon = hostPort.indexOf(':');
      host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
      portText = portColon < 0 ? null : hostPort.substring(portColon + 1);
      if (host.isEmpty() || !chars(host, "-.", false) || host.startsWith(".") || host.startsWith("-")) {
        throw new IllegalArgumentException("bad host '" + host + "' in '" + text + "'");
      }
    }
    return new SipUri(scheme, user, host, port(portText, text), params, headers);
  }

  /** RFC 3966 digits: a global number ({@code +} then digits) or a local one (hex digits, * and #), with separators. */
  private static boolean telephoneNumber(String number) {
    boolean global = number.charAt(0) == '+';
    boolean digit = false;
    for (int i = global ? 1 : 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if ((c >= '0' && c <= '9') || (!global && (Character.digit(c, 16) >= 0 || c == '*' || c == '#'))) {
        digit = true;
      } else if ("-.()".indexOf(c) < 0) {
        return false;
      }
    }
    return digit;
  }

  private static int port(String text, String uri) {
    if (text == null) {
      return -1;
    }
    if (text.isEmpty() || text.length() > 5) {
      throw new IllegalArgumentException("bad port in '" + uri + "'");
    }
    int port = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("bad port '" + text + "' in '" + uri + "'");
      }
      port = port * 10 + (c - '0');
    }
    if (port > 65535) {
      throw new IllegalArgumentException("port " + port + " out of range in '" + uri + "'");
    }
    return port;
  }

  private static void checkParams(String params, String uri) {
    if (!params.isEmpty() && !chars(params, "-_.!~*'()%[]/:&+$;=", true)) {
      throw new IllegalArgumentException("bad parameters in '" + uri + "'");
    }
  }

  /** Whether every character is a letter or digit or one of {@code extra} (and {@code %HH} when allowed). */
  private static boolean chars(String s, String extra, boolean escapes) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        continue;
      }
      if (c == '%' && escapes) {
        if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
        continue;
      }
      if (c == '%' || extra.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of URI parameter {@code name} ({@code ""} for a flag), or {@code null}. */
  String param(String name) {
    return Via.param(params, name);
  }

  /** The user part without user parameters ({@code ;...}) or password, or {@code null}. */
  String userOnly() {
    if (user == null) {
      return null;
    }
    int end = user.length();
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      if (c == ';' || (c == ':' && !scheme.equals("tel"))) {
        end = i;
        break;
      }
    }
    return user.substring(0, end);
  }

  boolean isSip() {
    return host != null;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(48).append(scheme).append(':');
    if (user != null) {
      s.append(user);
      if (host != null) {
        s.append('@');
      }
    }
    if (host != null) {
      s.append(host);
    }
    if (port >= 0) {
      s.append(':').append(port);
    }
    return s.append(params).append(headers).toString();
  }
}
