package org.dunshield.sip;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the SIP screening service listens, decides and answers. Immutable; build one with
 * {@link #builder(HostPort, HostPort)}.
 *
 * @param listen where SIP arrives (port 0 is not allowed: the port goes into Via and Record-Route)
 * @param transports {@code udp} and/or {@code tcp}
 * @param forward the PBX, line or UAS that allowed calls go to
 * @param forwardTransport {@code udp} or {@code tcp} towards the forward target
 * @param allowMode proxy or redirect
 * @param blockStatus the final response to a blocked call: 603, 486 or 480
 * @param announcement a URI put in {@code Error-Info} of the block response (RFC 3261 20.18), or
 *     {@code null}
 * @param silenceHeader the header (name and value) added to a silenced call
 * @param callees explicit callee user part to owner id, tried before the own-number lookup
 * @param unknownCallee what happens when a callee maps to nobody
 * @param refresh how long rules, contacts, settings and callee mappings are cached
 * @param health where the health and metrics endpoint listens (port 0: any free port), or
 *     {@code null} for none
 */
public record SipConfig(
    HostPort listen,
    List<String> transports,
    HostPort forward,
    String forwardTransport,
    AllowMode allowMode,
    int blockStatus,
    String announcement,
    Header silenceHeader,
    Map<String, Long> callees,
    UnknownCallee unknownCallee,
    Duration refresh,
    HostPort health) {

  /** The block responses RFC 3261 offers for a refused call. */
  public static final Set<Integer> BLOCK_STATUSES = Set.of(603, 486, 480);

  /** A SIP header to add: name and value. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!name.matches("[A-Za-z0-9!%*_+`'~.-]+")) {
        throw new IllegalArgumentException("'" + name + "' is not a SIP header name");
      }
      if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("the value of " + name + " must be printable ASCII, got '" + value + "'");
      }
    }

    /** Parses {@code Name: value}. */
    public static Header parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("'" + text + "' is not a header; write it as Name: value");
      }
      return new Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }
  }

  public SipConfig {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(forward, "forward");
    Objects.requireNonNull(allowMode, "allowMode");
    Objects.requireNonNull(silenceHeader, "silenceHeader");
    Objects.requireNonNull(unknownCallee, "unknownCallee");
    Objects.requireNonNull(refresh, "refresh");
    transports = transports.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("listen on at least one transport (udp, tcp)");
    }
    for (String t : transports) {
      transport(t);
    }
    forwardTransport = transport(forwardTransport);
    if (listen.port() == 0) {
      throw new IllegalArgumentException("--listen needs a port (it goes into Via and Record-Route)");
    }
    if (forward.port() == 0) {
      throw new IllegalArgumentException("--forward needs a port");
    }
    if (!BLOCK_STATUSES.contains(blockStatus)) {
      throw new IllegalArgumentException("the block status must be 603, 486 or 480, got " + blockStatus);
    }
    if (announcement != null && !announcement.matches("(sips?|https?|tel):[\\x21-\\x7e]+")) {
      throw new IllegalArgumentException("the announcement must be a sip:, http: or tel: URI, got '" + announcement + "'");
    }
    callees = Map.copyOf(new LinkedHashMap<>(callees));
    callees.forEach((user, owner) -> {
      if (owner <= 0) {
        throw new IllegalArgumentException("callee " + user + " maps to owner " + owner + "; owner ids are positive");
      }
    });
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("the refresh interval cannot be negative");
    }
  }

  private static String transport(String t) {
    String v = Objects.requireNonNull(t, "transport").trim().toLowerCase(Locale.ROOT);
    if (!v.equals("udp") && !v.equals("tcp")) {
      throw new IllegalArgumentException("unknown transport '" + t + "'; expected udp or tcp");
    }
    return v;
  }

  /** A builder with the defaults: UDP and TCP, proxy, 603, silence marked with {@code X-Dunshield-Action}. */
  public static Builder builder(HostPort listen, HostPort forward) {
    return new Builder(listen, forward);
  }

  /** Collects the settings; not thread-safe. */
  public static final class Builder {
    private final HostPort listen;
    private final HostPort forward;
    private List<String> transports = List.of("udp", "tcp");
    private String forwardTransport = "udp";
    private AllowMode allowMode = AllowMode.PROXY;
    private int blockStatus = 603;
    private String announcement;
    private Header silenceHeader = new Header("X-Dunshield-Action", "silence");
    private final Map<String, Long> callees = new LinkedHashMap<>();
    private UnknownCallee unknownCallee = UnknownCallee.LOCAL;
    private Duration refresh = Duration.ofSeconds(5);
    private HostPort health;

    private Builder(HostPort listen, HostPort forward) {
      this.listen = listen;
      this.forward = forward;
    }

    public Builder transports(List<String> value) {
      transports = value;
      return this;
    }

    public Builder forwardTransport(String value) {
      forwardTransport = value;
      return this;
    }

    public Builder allowMode(AllowMode value) {
      allowMode = value;
      return this;
    }

    public Builder blockStatus(int value) {
      blockStatus = value;
      return this;
    }

    public Builder announcement(String value) {
      announcement = value;
      return this;
    }

    public Builder silenceHeader(Header value) {
      silenceHeader = value;
      return this;
    }

    public Builder callee(String user, long owner) {
      callees.put(user, owner);
      return this;
    }

    public Builder unknownCallee(UnknownCallee value) {
      unknownCallee = value;
      return this;
    }

    public Builder refresh(Duration value) {
      refresh = value;
      return this;
    }

    public Builder health(HostPort value) {
      health = value;
      return this;
    }

    public SipConfig build() {
      return new SipConfig(listen, transports, forward, forwardTransport, allowMode, blockStatus, announcement,
          silenceHeader, callees, unknownCallee, refresh, health);
    }
  }
}
