package org.dunshield.sip;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.dunshield.store.OwnNumbers;

/**
 * The SIP screening service: a JAIN-SIP stack listening on the configured address, screening every
 * INVITE for the callee's account with {@code screener} on {@code database}, and an optional HTTP
 * endpoint with {@code /health} and {@code /metrics}. Start one with {@link #start}; {@link #close()}
 * stops both. Thread-safe.
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
  private static final AtomicInteger STACKS = new AtomicInteger();

  private final SipConfig config;
  private final SipStack stack;
  private final ScreeningProxy proxy;
  private final SipMetrics metrics;
  private volatile HealthEndpoint health;
  private volatile boolean running = true;

  private SipScreeningService(SipConfig config, SipStack stack, ScreeningProxy proxy, SipMetrics metrics) {
    this.config = config;
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
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(screener, "screener");
    Objects.requireNonNull(clock, "clock");
    StackLogging.quiet();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    SipStack stack;
    try {
      stack = factory.createSipStack(properties(config));
    } catch (SipException e) {
      throw new IllegalStateException("could not create the SIP stack: " + e.getMessage(), e);
    }
    SipMetrics metrics = new SipMetrics();
    Screenings screenings = new Screenings(database, screener, clock, config.refresh());
    OwnNumbers ownNumbers = OwnNumbers.of(database);
    Callees callees = new Callees(config.callees(), ownNumbers::all,
        () -> screenings.of(Database.LOCAL_OWNER).numbers(), clock, config.refresh());
    try {
      ScreeningProxy proxy = new ScreeningProxy(config, callees, screenings, metrics, factory.createMessageFactory(),
          factory.createHeaderFactory(), factory.createAddressFactory());
      SipProvider provider = null;
      for (String transport : config.transports()) {
        ListeningPoint point = stack.createListeningPoint(config.listen().host(), config.listen().port(), transport);
        if (provider == null) {
          provider = stack.createSipProvider(point);
        } else {
          provider.addListeningPoint(point);
        }
      }
      proxy.attach(provider);
      provider.addSipListener(proxy);
      ((SIPTransactionStack) stack).sipMessageValves.add(new StrayResponses((SIPTransactionStack) stack,
          proxy::relayStray, metrics));
      stack.start();
      SipScreeningService service = new SipScreeningService(config, stack, proxy, metrics);
      if (config.health() != null) {
        service.health = HealthEndpoint.start(config.health(), service::status, () -> service.running, metrics);
      }
      return service;
    } catch (Exception e) {
      stack.stop();
      throw new IllegalStateException("could not listen for SIP on " + config.listen() + " "
          + config.transports() + ": " + e.getMessage(), e);
    }
  }

  /** UDP socket buffers asked for: seconds of SIP traffic at 1,000 calls/s. */
  static final int UDP_BUFFER_BYTES = 4 << 20;

  private static Properties properties(SipConfig config) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", "dunshield-sip-" + STACKS.incrementAndGet());
    // a proxy keeps no dialogs of its own
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    // at 1,000 calls/s, BYE transactions linger 32 s (timer J): room for that and more
    p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
    p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "200000");
    // the stack allocates this much per datagram it queues: keep it to what UDP SIP needs (RFC 3261
    // 18.1.1 sends anything near the MTU over TCP), so a backlog cannot exhaust the heap
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "16384");
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
    // the stack asks for 64 KB of UDP receive buffer by default: about 65 ms of datagrams at 1,000
    // calls/s, less than a garbage collection can pause the reading thread, and every datagram the
    // kernel drops then costs the caller a 500 ms retransmission. The kernel caps the request at
    // net.core.rmem_max / wmem_max (see docs/sip.md).
    p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
    p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
    // a completed transaction keeps its messages as bytes (parsed again if ever asked for) instead of
    // object graphs: at 1,000 calls/s some 50,000 transactions wait out timers J/K/I, and their
    // parsed messages were most of what every young collection copied (bench at 700 calls/s: median
    // young pause 187 ms before, 72 ms after; heap after a collection 0.8-0.9 GB before, 0.5 GB after)
    p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    return p;
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
    stack.stop();
    proxy.close();
  }
}
