package org.dunshield.sip;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transaction layer of RFC 3261 (section 17, with the Accepted states of RFC 6026) over a
 * {@link SipTransport}: server transactions match requests and their retransmissions and answer
 * retransmissions with the last response (timers G, H, I, J, L), client transactions retransmit
 * over UDP and time out (timers A, B, D, E, F, K, and C for a forwarded INVITE that rings too long).
 * What a transaction does not absorb goes to the {@link Listener}. Thread-safe.
 */
final class SipStack implements SipTransport.Receiver, AutoCloseable {
  /**
   * The timer values: RFC 3261's T1, T2 and T4, the 100 Trying delay (17.2.1: 200 ms) and timer C
   * (16.6: more than 3 minutes). Tests shorten them.
   */
  record Timing(long t1, long t2, long t4, long trying, long timerC) {
    static final Timing RFC_3261 = new Timing(500, 4000, 5000, 200, 181_000);

    long timeout() {
      return 64 * t1;
    }
  }

  /** What the proxy gets from the stack. Calls come from the transport's and the timer's threads. */
  interface Listener {
    /** A new request (not ACK, not CANCEL) and the server transaction that will answer it. */
    void request(ServerTransaction server, SipMessage request) throws Exception;

    /** An ACK that no server transaction absorbed: the ACK of a 2xx, to relay end to end. */
    void ack(SipMessage ack) throws Exception;

    /** A CANCEL, answered through {@code cancel}; {@code invite} is what it cancels, or {@code null}. */
    void cancel(ServerTransaction cancel, ServerTransaction invite, SipMessage request) throws Exception;

    /** A response that a client transaction passes on (not its retransmissions). */
    void response(ClientTransaction client, SipMessage response) throws Exception;

    /** A response that matched no transaction. */
    void stray(SipMessage response) throws Exception;

    /** A client transaction timed out (B or F), or a forwarded INVITE rang past timer C. */
    void timeout(ClientTransaction client) throws Exception;
  }

  /** The server and client transaction states, as RFC 3261 17 and RFC 6026 name them. */
  enum State { TRYING, CALLING, PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

  private static final System.Logger LOG = System.getLogger(SipStack.class.getName());

  private final Timing timing;
  private final SipMetrics metrics;
  private final Timers timers = new Timers("dunshield-sip-timers");
  private final ConcurrentHashMap<String, ServerTransaction> servers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ClientTransaction> clients = new ConcurrentHashMap<>();
  private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  /** Starts every To tag of ours. */
  private final String tagPrefix = "ds" + idPrefix + ".";
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;
  private volatile Listener listener;
  private volatile SipTransport transport;

  SipStack(Timing timing, SipMetrics metrics) {
    this.timing = timing;
    this.metrics = metrics;
  }

  void start(Listener l, SipTransport t) {
    this.listener = l;
    this.transport = t;
    timers.after(sweepEvery(), this::sweep);
  }

  /**
   * How often timer C is checked: it runs minutes and restarts with every provisional answer, so
   * instead of a timer per answer (hundreds of thousands waiting at 1,000 calls/s) the live client
   * transactions are looked over once a second; timer C fires within a second of its time. The same
   * sweep forgets server transactions that were never answered ({@link ServerTransaction#expire}).
   */
  private long sweepEvery() {
    return Math.max(10, Math.min(1000, timing.timerC() / 8));
  }

  private void sweep() {
    long now = System.nanoTime();
    for (ClientTransaction client : clients.values()) {
      if (client.invite && client.timerCDue(now)) {
        client.notifyTimeout();
      }
    }
    long expiry = (timing.timerC() + timing.timeout()) * 1_000_000;
    for (ServerTransaction server : servers.values()) {
      if (now - server.created > expiry) {
        server.expire();
      }
    }
    if (!closed) {
      timers.after(sweepEvery(), this::sweep);
    }
  }

  Timing timing() {
    return timing;
  }

  /** A branch no other request of this service carries: magic cookie, this stack's prefix, a counter. */
  String newBranch() {
    return Via.MAGIC_COOKIE + "-ds" + idPrefix + "-" + Long.toString(ids.incrementAndGet(), 36);
  }

  /** A To tag for an answer of ours: this stack's prefix, a random part (tags must be unique, 19.3). */
  String newTag() {
    return tagPrefix + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  /** Whether {@code tag} is one {@link #newTag} made: the request is in reply to an answer of ours. */
  boolean ourTag(String tag) {
    return tag != null && tag.startsWith(tagPrefix);
  }

  // ---- receiving

  @Override
  public void received(SipMessage message, SipTransport.Source source) {
    if (message.isRequest()) {
      request(message, source);
    } else {
      response(message);
    }
  }

  private void request(SipMessage request, SipTransport.Source source) {
    Via via = request.topVia();
    String sourceHost = source.address().getAddress().getHostAddress();
    Via stamped = via.receivedFrom(sourceHost, source.address().getPort());
    if (stamped != via) {
      request.set("Via", stamped.toString());
      via = stamped;
    }
    String method = request.method();
    ServerTransaction server = null;
    try {
      switch (method) {
        case "ACK" -> {
          ServerTransaction invite = servers.get(serverKey(request, via, "INVITE"));
          if (invite == null || !invite.ack()) {
            listener.ack(request);
          }
        }
        case "CANCEL" -> {
          server = open(request, via, source);
          if (server != null) {
            listener.cancel(server, servers.get(serverKey(request, via, "INVITE")), request);
          }
        }
        default -> {
          server = open(request, via, source);
          if (server != null) {
            if (server.invite) {
              timers.after(timing.trying(), server::tryingDue);
            }
            listener.request(server, request);
          }
        }
      }
    } catch (Exception | StackOverflowError e) {
      metrics.failed();
      LOG.log(System.Logger.Level.WARNING, "could not handle " + method + ": " + e, e);
      if (server != null) {
        server.respond(request.response(500, newTag()));
      }
    }
  }

  /**
   * A new server transaction for {@code request}, or {@code null} when the request is a
   * retransmission (its transaction has answered it again, 17.2.1 and 17.2.2).
   */
  private ServerTransaction open(SipMessage request, Via via, SipTransport.Source source) {
    String key = serverKey(request, via, request.method());
    ServerTransaction existing = servers.get(key);
    if (existing == null) {
      ServerTransaction created = new ServerTransaction(key, request.method().equals("INVITE"), request, via, source);
      existing = servers.putIfAbsent(key, created);
      if (existing == null) {
        return created;
      }
    }
    existing.retransmitted();
    return null;
  }

  private void response(SipMessage response) {
    Via via = response.topVia();
    ClientTransaction client = via.branch() == null ? null : clients.get(clientKey(via.branch(), response.cseqMethod()));
    try {
      if (client == null) {
        listener.stray(response);
      } else if (client.received(response)) {
        listener.response(client, response);
      }
    } catch (Exception | StackOverflowError e) {
      metrics.failed();
      LOG.log(System.Logger.Level.WARNING, "could not relay " + response.status() + ": " + e, e);
    }
  }

  /**
   * Answers a request that could not be used with 400 (513 when too large), statelessly, naming the
   * problem in the reason phrase; what names no sender to answer is dropped.
   */
  @Override
  public void malformed(SipMessage.Malformed problem, int size, SipTransport.Source source) {
    SipMessage request = problem.answerable();
    if (request == null) {
      return;
    }
    SipMessage response = request.response(size > SipMessage.MAX_BYTES ? 513 : 400, newTag());
    String why = SipMessage.printable(problem.getMessage());
    response.setReason((size > SipMessage.MAX_BYTES ? "Message Too Large (" : "Bad Request (") + why + ")");
    try {
      Via via = request.topVia().receivedFrom(source.address().getAddress().getHostAddress(), source.address().getPort());
      sendTo(response.bytes(), source, via);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer a malformed request: " + e);
    }
  }

  private static String serverKey(SipMessage request, Via via, String method) {
    String branch = via.branch();
    if (branch != null && branch.startsWith(Via.MAGIC_COOKIE)) {
      return branch + "|" + via.sentBy() + "|" + method;
    }
    // an RFC 2543 peer: its branch is no transaction id (17.2.3)
    return "2543|" + request.callId() + "|" + request.cseqNumber() + "|" + request.fromTag() + "|" + via.sentBy()
        + "|" + branch + "|" + method;
  }

  private static String clientKey(String branch, String method) {
    return branch + "|" + method;
  }

  // ---- sending

  /** Where a request goes: its top Route (loose routing), else its Request-URI (RFC 3263 without DNS). */
  record Hop(String transport, String host, int port) {
    static Hop of(SipMessage request) {
      String route = request.first("Route");
      SipUri uri = route != null ? NameAddr.parse(route).uri() : request.uri();
      if (!uri.isSip()) {
        throw new IllegalArgumentException("cannot route to " + uri);
      }
      String param = uri.param("transport");
      String transport = param != null ? param.toUpperCase(Locale.ROOT) : uri.scheme().equals("sips") ? "TCP" : "UDP";
      int port = uri.port() >= 0 ? uri.port() : uri.scheme().equals("sips") ? 5061 : 5060;
      return new Hop(transport, uri.host(), port);
    }
  }

  /**
   * A client transaction for {@code request} with {@code application} attached; nothing is sent
   * until {@link ClientTransaction#start()}.
   */
  ClientTransaction client(SipMessage request, Hop hop, Object application) {
    return new ClientTransaction(clientKey(request.topVia().branch(), request.method()), request, hop, application);
  }

  /** Sends {@code request} outside any transaction (an ACK of a 2xx, RFC 3261 16.11). */
  void sendStateless(SipMessage request, Hop hop) throws IOException {
    transport.send(request.bytes(), hop.transport(), hop.host(), hop.port());
  }

  /** Sends {@code response} to where its top Via says (18.2.2), outside any transaction. */
  void sendStateless(SipMessage response) throws IOException {
    Via via = response.topVia();
    transport.send(response.bytes(), via.transport(), via.replyHost(), via.replyPort());
  }

  private void sendTo(byte[] bytes, SipTransport.Source source, Via via) throws IOException {
    if (source.connection() != null) {
      transport.send(bytes, source.connection(), via.transport(), via.host(), via.port() < 0 ? 5060 : via.port());
    } else {
      transport.send(bytes, "UDP", via.replyHost(), via.replyPort());
    }
  }

  /** Runs {@code task} on the timer thread after {@code millis} (one of the few fixed delays, e.g. 64 × T1). */
  void later(long millis, Runnable task) {
    timers.after(millis, task);
  }

  @Override
  public void close() {
    closed = true;
    timers.close();
  }

  // ---- server transactions

  /**
   * A server transaction (17.2): answers the request, resends the last answer when the request is
   * retransmitted, and for an INVITE retransmits a failure answer until the ACK comes. Thread-safe.
   */
  final class ServerTransaction {
    final String key;
    final boolean invite;
    private final Via via;
    private final SipTransport.Source source;
    private final long created = System.nanoTime();
    private SipMessage request;
    private byte[] last;
    private State state;
    private long retransmitEvery;
    private volatile Object application;

    private ServerTransaction(String key, boolean invite, SipMessage request, Via via, SipTransport.Source source) {
      this.key = key;
      this.invite = invite;
      this.request = request;
      this.via = via;
      this.source = source;
      this.state = invite ? State.PROCEEDING : State.TRYING;
    }

    /** The request, until the transaction has answered it finally. */
    synchronized SipMessage request() {
      return request;
    }

    synchronized State state() {
      return state;
    }

    Object application() {
      return application;
    }

    void attach(Object value) {
      application = value;
    }

    /**
     * Sends {@code response} unless a final one went out already; false when it was too late.
     */
    synchronized boolean respond(SipMessage response) {
      int status = response.status();
      if (state != State.TRYING && state != State.PROCEEDING) {
        return false;
      }
      byte[] bytes = response.bytes();
      send(bytes);
      if (status < 200) {
        last = bytes;
        state = State.PROCEEDING;
        return true;
      }
      request = null;
      boolean reliable = source.connection() != null;
      if (invite && status < 300) {
        last = null;
        state = State.ACCEPTED; // RFC 6026: absorb retransmitted INVITEs, then forget (timer L)
        timers.after(timing.timeout(), this::terminate);
      } else if (invite) {
        last = bytes;
        state = State.COMPLETED;
        if (!reliable) {
          retransmitEvery = timing.t1();
          timers.after(retransmitEvery, this::timerG);
        }
        timers.after(timing.timeout(), this::timerH);
      } else {
        last = bytes;
        state = State.COMPLETED;
        if (reliable) {
          terminate();
        } else {
          timers.after(timing.timeout(), this::terminate); // timer J
        }
      }
      return true;
    }

    private void send(byte[] bytes) {
      try {
        sendTo(bytes, source, via);
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "could not answer towards " + via.sentBy() + ": " + e);
      }
    }

    /** The request came again: resend the last answer (17.2.1, 17.2.2). */
    synchronized void retransmitted() {
      if (state == State.PROCEEDING && last == null && invite) {
        SipMessage trying = request.response(100, null);
        last = trying.bytes();
      }
      if ((state == State.PROCEEDING || state == State.COMPLETED) && last != null) {
        send(last);
      }
    }

    /** 100 Trying when nothing was answered after 200 ms (17.2.1). */
    private synchronized void tryingDue() {
      if (state == State.PROCEEDING && last == null && request != null) {
        byte[] trying = request.response(100, null).bytes();
        send(trying);
        last = trying;
      }
    }

    /** The ACK of a failure answer: absorbed (true); false when there is nothing to absorb it here. */
    synchronized boolean ack() {
      if (state == State.COMPLETED) {
        state = State.CONFIRMED;
        last = null;
        if (source.connection() != null) {
          terminate();
        } else {
          timers.after(timing.t4(), this::terminate); // timer I
        }
        return true;
      }
      return state == State.CONFIRMED;
    }

    /** Resends the failure answer until the ACK or timer H; every delay is T1 doubled up to T2 (fixed delays). */
    private synchronized void timerG() {
      if (state != State.COMPLETED) {
        return;
      }
      send(last);
      retransmitEvery = Math.min(2 * retransmitEvery, timing.t2());
      timers.after(retransmitEvery, this::timerG);
    }

    /**
     * A safety net: a request still unanswered after timer C and 64 × T1 (every path answers
     * sooner: screening, 408 on timer B, F or C, 503 when the next hop is unreachable) is forgotten,
     * so that no transaction is held forever.
     */
    synchronized void expire() {
      if (state == State.TRYING || state == State.PROCEEDING) {
        LOG.log(System.Logger.Level.WARNING, "a " + (invite ? "INVITE" : "request") + " transaction was never answered; "
            + "forgetting it");
        terminate();
      }
    }

    /** No ACK came for the failure answer: the transaction ends (nothing to tell anyone). */
    private synchronized void timerH() {
      if (state == State.COMPLETED) {
        terminate();
      }
    }

    private synchronized void terminate() {
      state = State.TERMINATED;
      last = null;
      request = null;
      servers.remove(key, this);
    }

  }

  // ---- client transactions

  /**
   * A client transaction (17.1): sends the request, retransmits it over UDP, passes the first of each
   * response on, ACKs a failure answer to an INVITE itself, and times out. Thread-safe.
   */
  final class ClientTransaction {
    final String key;
    final boolean invite;
    final Hop hop;
    private SipMessage request;
    private byte[] bytes;
    private byte[] ack;
    private State state;
    private long started;
    private long retransmitEvery;
    /** When timer C last started (nanoTime): on forwarding and at every 101-199 answer (16.6, 16.7). */
    private long timerCFrom;
    private boolean timerCFired;
    private volatile Object application;

    private ClientTransaction(String key, SipMessage request, Hop hop, Object application) {
      this.key = key;
      this.invite = request.method().equals("INVITE");
      this.request = request;
      this.hop = hop;
      this.application = application;
      this.state = invite ? State.CALLING : State.TRYING;
    }

    Object application() {
      return application;
    }

    synchronized State state() {
      return state;
    }

    /** Sends the request; from here on responses match it. */
    synchronized void start() throws IOException {
      clients.put(key, this);
      bytes = request.bytes();
      started = System.nanoTime();
      try {
        transport.send(bytes, hop.transport(), hop.host(), hop.port());
      } catch (IOException e) {
        terminate();
        throw e;
      }
      if (!hop.transport().equals("TCP")) {
        retransmitEvery = timing.t1();
        timers.after(retransmitEvery, this::retransmit); // timer A or E
      }
      timers.after(timing.timeout(), this::timedOut); // timer B or F
      timerCFrom = started; // 16.6 step 11: timer C runs from the forward on (see sweep)
    }

    private synchronized void retransmit() {
      boolean waiting = invite ? state == State.CALLING : state == State.TRYING || state == State.PROCEEDING;
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (!waiting || elapsed >= timing.timeout()) {
        return;
      }
      try {
        transport.send(bytes, hop.transport(), hop.host(), hop.port());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "could not retransmit to " + hop + ": " + e);
      }
      retransmitEvery = invite ? 2 * retransmitEvery
          : state == State.PROCEEDING ? timing.t2() : Math.min(2 * retransmitEvery, timing.t2());
      timers.after(retransmitEvery, this::retransmit);
    }

    private void timedOut() {
      synchronized (this) {
        boolean waiting = invite ? state == State.CALLING : state == State.TRYING || state == State.PROCEEDING;
        if (!waiting) {
          return;
        }
        terminate();
      }
      notifyTimeout();
    }

    /** Timer C (16.8): true once, when a forwarded INVITE still rings {@code timerC} after its last start. */
    private synchronized boolean timerCDue(long now) {
      if (!invite || state != State.PROCEEDING || timerCFired || now - timerCFrom < timing.timerC() * 1_000_000) {
        return false;
      }
      timerCFired = true;
      return true;
    }

    private void notifyTimeout() {
      try {
        listener.timeout(this);
      } catch (Exception e) {
        metrics.failed();
        LOG.log(System.Logger.Level.WARNING, "could not handle a timeout: " + e, e);
      }
    }

    /** Takes a response; true when the listener gets it (not a retransmission, nor one after the end). */
    synchronized boolean received(SipMessage response) throws IOException {
      int status = response.status();
      if (invite) {
        switch (state) {
          case CALLING, PROCEEDING -> {
            if (status < 200) {
              state = State.PROCEEDING;
              if (status > 100) { // 16.7 step 2: every 101-199 answer starts timer C again
                timerCFrom = System.nanoTime();
              }
            } else if (status < 300) {
              terminate(); // 2xx retransmissions are relayed end to end, past this transaction
            } else {
              ack = ackFor(response).bytes();
              transport.send(ack, hop.transport(), hop.host(), hop.port());
              complete(timing.timeout()); // timer D (at least 32 s): the answer's retransmissions get the ACK again
            }
            return true;
          }
          case COMPLETED -> {
            if (status >= 300 && ack != null) {
              transport.send(ack, hop.transport(), hop.host(), hop.port());
            }
            return false;
          }
          default -> {
            return false;
          }
        }
      }
      switch (state) {
        case TRYING, PROCEEDING -> {
          if (status < 200) {
            state = State.PROCEEDING;
          } else {
            complete(timing.t4()); // timer K
          }
          return true;
        }
        default -> {
          return false;
        }
      }
    }

    /**
     * The final answer came: the request is no longer needed; over UDP the transaction absorbs the
     * answer's retransmissions for {@code linger} ms (timer D or K), over TCP it ends now.
     */
    private void complete(long linger) {
      state = State.COMPLETED;
      request = null;
      bytes = null;
      if (hop.transport().equals("TCP")) {
        terminate();
      } else {
        timers.after(linger, this::terminate);
      }
    }

    /** The ACK of a failure answer to the INVITE (17.1.1.3): hop by hop, same branch. */
    private SipMessage ackFor(SipMessage response) {
      SipMessage a = request.copy();
      SipMessage ackMessage = buildInDialog(a, "ACK", response.first("To"));
      return ackMessage;
    }

    /**
     * A CANCEL of this INVITE (9.1): the Request-URI, Call-ID, From, To, CSeq number and top Via of
     * the request, its Route set.
     */
    synchronized SipMessage cancel() {
      return request == null ? null : buildInDialog(request.copy(), "CANCEL", request.first("To"));
    }

    private synchronized void terminate() {
      state = State.TERMINATED;
      request = null;
      bytes = null;
      clients.remove(key, this);
    }
  }

  /** ACK or CANCEL built from {@code invite}: its top Via only, Route set, {@code to} as given. */
  private static SipMessage buildInDialog(SipMessage invite, String method, String to) {
    SipMessage m = SipMessage.request(method, invite.requestUri());
    m.add("Via", invite.first("Via"));
    for (String route : invite.all("Route")) {
      m.add("Route", route);
    }
    m.add("From", invite.first("From"));
    m.add("To", to);
    m.add("Call-ID", invite.callId());
    m.add("CSeq", invite.cseqNumber() + " " + method);
    m.add("Max-Forwards", "70");
    return m;
  }
}
