package org.dunshield.sip;

import java.util.Objects;

/**
 * A host (name, IPv4 or bracketed IPv6) and a port, as written on the command line
 * ({@code 127.0.0.1:5060}). Immutable.
 */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
    }
  }

  /**
   * Parses {@code HOST:PORT}; {@code defaultPort} applies when the port is missing.
   *
   * @throws IllegalArgumentException naming the text and the problem
   */
  public static HostPort parse(String text, int defaultPort) {
    String t = Objects.requireNonNull(text, "text").trim();
    int colon = t.lastIndexOf(':');
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "' opens an IPv6 address with [ but never closes it");
      }
      colon = t.indexOf(':', close);
    } else if (colon != t.indexOf(':')) {
      throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, e.g. [::1]:5060");
    }
    if (colon < 0) {
      return new HostPort(t, defaultPort);
    }
    String port = t.substring(colon + 1);
    try {
      return new HostPort(t.substring(0, colon), Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': the port '" + port + "' is not a number");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
