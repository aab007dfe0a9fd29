package org.dunshield.sip;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.dunshield.store.OwnNumbers;

/**
 * The SIP screening service: SIP over UDP and TCP on the configured address ({@link SipTransport},
 * {@link SipStack}), screening every INVITE for the callee's account with {@code screener} on
 * {@code database} ({@link ScreeningProxy}), and an optional HTTP endpoint with {@code /health} and
 * {@code /metrics}. Start one with {@link #start}; {@link #close()} stops both. Thread-safe.
 *
 * <pre>{@code
 * SipConfig config = SipConfig.builder(HostPort.parse("127.0.0.1:5060", 5060),
 *     HostPort.parse("10.0.0.5:5060", 5060)).build();
 * try (SipScreeningService sip = SipScreeningService.start(config, database, screener, Clock.systemUTC())) {
 *   ...
 * }
 * }</pre>
 */
public final class SipScreeningService implements AutoCloseable {
  private final SipConfig config;
  private final SipTransport transport;
  private final SipStack stack;
  private final ScreeningProxy proxy;
  private final SipMetrics metrics;
  private volatile HealthEndpoint health;
  private volatile boolean running = true;

  private SipScreeningService(SipConfig config, SipTransport transport, SipStack stack, ScreeningProxy proxy,
      SipMetrics metrics) {
    this.config = config;
    this.transport = transport;
    this.stack = stack;
    this.proxy = proxy;
    this.metrics = metrics;
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when the address cannot be bound (in use, not local)
   */
  public static SipScreeningService start(SipConfig config, Database database, Screener screener, Clock clock) {
    return start(config, database, screener, clock, SipStack.Timing.RFC_3261);
  }

  /** As {@link #start(SipConfig, Database, Screener, Clock)}, with other SIP timer values (tests). */
  static SipScreeningService start(SipConfig config, Database database, Screener screener, Clock clock,
      SipStack.Timing timing) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(screener, "screener");
    Objects.requireNonNull(clock, "clock");
    SipMetrics metrics = new SipMetrics();
    Screenings screenings = new Screenings(database, screener, clock, config.refresh());
    OwnNumbers ownNumbers = OwnNumbers.of(database);
    Callees callees = new Callees(config.callees(), ownNumbers::all,
        () -> screenings.of(Database.LOCAL_OWNER).numbers(), clock, config.refresh());
    SipStack stack = new SipStack(timing, metrics);
    ScreeningProxy proxy = new ScreeningProxy(config, callees, screenings, metrics, stack);
    SipTransport transport;
    try {
      transport = SipTransport.open(config.listen(), config.transports(), stack);
    } catch (IOException | RuntimeException e) {
      stack.close();
      proxy.close();
      throw new IllegalStateException("could not listen for SIP on " + config.listen() + " "
          + config.transports() + ": " + e.getMessage(), e);
    }
    stack.start(proxy, transport);
    SipScreeningService service = new SipScreeningService(config, transport, stack, proxy, metrics);
    if (config.health() != null) {
      try {
        service.health = HealthEndpoint.start(config.health(), service::status, () -> service.running, metrics);
      } catch (RuntimeException e) {
        service.close();
        throw e;
      }
    }
    return service;
  }

  private String status() {
    return "{\"status\":\"" + (running ? "up" : "down") + "\",\"listen\":\"" + config.listen() + "\",\"transports\":\""
        + String.join(",", config.transports()) + "\",\"forward\":\"" + config.forward() + "\",\"screened\":"
        + metrics.screened() + "}";
  }

  /** What the service has counted so far. */
  public SipMetrics metrics() {
    return metrics;
  }

  public SipConfig config() {
    return config;
  }

  /** Where the health endpoint listens (with the port it bound), when there is one. */
  public Optional<HostPort> health() {
    HealthEndpoint endpoint = health;
    return endpoint == null ? Optional.empty() : Optional.of(new HostPort(config.health().host(), endpoint.port()));
  }

  /** Stops listening; calls in progress get no further answers from here. */
  @Override
  public void close() {
    running = false;
    HealthEndpoint endpoint = health;
    if (endpoint != null) {
      endpoint.close();
    }
    transport.close();
    stack.close();
    proxy.close();
  }
}
