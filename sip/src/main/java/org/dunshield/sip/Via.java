package org.dunshield.sip;

import java.util.Locale;

/**
 * One Via header value (RFC 3261 20.42): {@code SIP/2.0/UDP host:port;branch=...;received=...;rport}.
 * Immutable.
 *
 * @param transport {@code UDP}, {@code TCP}, ... upper case
 * @param host the sent-by host (brackets kept for IPv6)
 * @param port the sent-by port, or -1 when absent
 * @param params the parameters as written, starting with {@code ;}, or empty
 */
record Via(String transport, String host, int port, String params) {
  /** The RFC 3261 branch prefix: a branch that starts with it is a transaction id (17.1.3). */
  static final String MAGIC_COOKIE = "z9hG4bK";

  /**
   * Parses a Via value.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static Via parse(String value) {
    String v = value.trim();
    int slash1 = v.indexOf('/');
    int slash2 = slash1 < 0 ? -1 : v.indexOf('/', slash1 + 1);
    if (slash2 < 0 || !v.substring(0, slash1).trim().equalsIgnoreCase("SIP")
        || !v.substring(slash1 + 1, slash2).trim().equals("2.0")) {
      throw new IllegalArgumentException("Via '" + value + "' does not start with SIP/2.0/transport");
    }
    int i = slash2 + 1;
    while (i < v.length() && v.charAt(i) == ' ') {
      i++;
    }
    int transportStart = i;
    while (i < v.length() && Character.isLetterOrDigit(v.charAt(i))) {
      i++;
    }
    String transport = v.substring(transportStart, i).toUpperCase(Locale.ROOT);
    if (transport.isEmpty() || i >= v.length() || (v.charAt(i) != ' ' && v.charAt(i) != '\t')) {
      throw new IllegalArgumentException("Via '" + value + "' names no transport");
    }
    String rest = v.substring(i).trim();
    int semi = rest.indexOf(';');
    String sentBy = (semi < 0 ? rest : rest.substring(0, semi)).trim();
    String params = semi < 0 ? "" : rest.substring(semi).replace(" ", "");
    SipUri uri;
    try {
      uri = SipUri.parse("sip:" + sentBy + params);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Via '" + value + "' has a bad sent-by or parameters");
    }
    if (uri.user() != null || !uri.headers().isEmpty()) {
      throw new IllegalArgumentException("Via '" + value + "' has a bad sent-by");
    }
    return new Via(transport, uri.host(), uri.port(), params);
  }

  /** The value of parameter {@code name} in {@code params} ({@code ""} for a flag), or {@code null}. */
  static String param(String params, String name) {
    int n = name.length();
    int i = 0;
    while ((i = params.indexOf(';', i)) >= 0) {
      int start = i + 1;
      if (params.regionMatches(true, start, name, 0, n)) {
        int after = start + n;
        if (after == params.length() || params.charAt(after) == ';') {
          return "";
        }
        if (params.charAt(after) == '=') {
          int end = params.indexOf(';', after + 1);
          return params.substring(after + 1, end < 0 ? params.length() : end);
        }
      }
      i = start;
    }
    return null;
  }

  String branch() {
    return param(params, "branch");
  }

  /** Whether the branch is an RFC 3261 transaction id. */
  boolean rfc3261() {
    String b = branch();
    return b != null && b.startsWith(MAGIC_COOKIE);
  }

  /** {@code host:port} as sent (the port 5060 when absent), lower case: part of a transaction's key. */
  String sentBy() {
    return host.toLowerCase(Locale.ROOT) + ":" + (port < 0 ? 5060 : port);
  }

  /** Where a response goes over UDP (RFC 3261 18.2.2, RFC 3581): received and rport when present. */
  String replyHost() {
    String received = param(params, "received");
    return received != null && !received.isEmpty() ? received : host;
  }

  int replyPort() {
    String rport = param(params, "rport");
    if (rport != null && !rport.isEmpty()) {
      try {
        return Integer.parseInt(rport);
      } catch (NumberFormatException e) {
        // fall through to sent-by
      }
    }
    return port < 0 ? 5060 : port;
  }

  /**
   * This Via as the server that received it writes it on (18.2.1, RFC 3581): {@code received} when
   * the packet came from another address than sent-by names, {@code rport} filled in when asked for.
   */
  Via receivedFrom(String sourceHost, int sourcePort) {
    boolean askedRport = "".equals(param(params, "rport"));
    boolean differs = !host.equals(sourceHost) && !host.equals("[" + sourceHost + "]");
    if (!askedRport && !differs) {
      return this;
    }
    StringBuilder p = new StringBuilder(params.length() + 40);
    int i = 0;
    while (i < params.length()) {
      int next = params.indexOf(';', i + 1);
      String part = params.substring(i, next < 0 ? params.length() : next);
      String lower = part.toLowerCase(Locale.ROOT);
      if (!lower.startsWith(";received=") && !lower.equals(";rport") && !lower.startsWith(";rport=")) {
        p.append(part);
      }
      i = next < 0 ? params.length() : next;
    }
    if (differs || askedRport) {
      p.append(";received=").append(sourceHost);
    }
    if (askedRport) {
      p.append(";rport=").append(sourcePort);
    }
    return new Via(transport, host, port, p.toString());
  }

  @Override
  public String toString() {
    return "SIP/2.0/" + transport + " " + host + (port < 0 ? "" : ":" + port) + params;
  }
}
