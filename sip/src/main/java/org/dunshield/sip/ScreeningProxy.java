package org.dunshield.sip;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Verdict;
import org.dunshield.sip.SipStack.ClientTransaction;
import org.dunshield.sip.SipStack.Hop;
import org.dunshield.sip.SipStack.ServerTransaction;
import org.dunshield.sip.SipStack.State;
import org.dunshield.store.Database;

/**
 * The SIP side of the service, on {@link SipStack}'s transactions: screens each initial INVITE and
 * answers, redirects or forwards it; forwards everything else (ACK, BYE, re-INVITE, OPTIONS to a
 * user) as a transaction-stateful proxy (RFC 3261 section 16) that Record-Routes itself into allowed
 * dialogs; matches CANCEL to the call it cancels. Thread-safe: the stack calls it from its reading
 * threads and its timer thread, the screening lanes from theirs.
 */
final class ScreeningProxy implements SipStack.Listener {
  /** The history source of calls screened here. */
  static final String SOURCE = "sip";
  /**
   * INVITEs waiting for a decision before new ones get 503: a second of calls at 1,000 a second.
   * A deeper queue would keep calls waiting past the caller's retransmission timer (T1, 500 ms),
   * and every retransmission is more work for a service that is already behind.
   */
  static final int QUEUE = 1000;
  /**
   * Screening threads. Each callee account is screened on one of them ({@code owner % LANES}), so one
   * account's calls are decided one at a time, in arrival order, while other accounts' calls are
   * decided beside them (and their history writes overlap the decisions). An account called for the
   * first time in a while loads its rules, contacts and history on its lane, and the calls queued
   * behind it wait: with 8 lanes fewer wait than with 4 (sipp bench, 1,000 calls/s: 99.5-99.6 % of
   * decisions within 5 ms against 99.0-99.4 %); 16 were no better (99.2-99.3 %).
   */
  static final int LANES = 8;
  /**
   * History writers. A lane hands each answered call to one of them and goes on with the next call,
   * so a lane never waits for a commit unless its next call is for an account whose previous call is
   * still being written; concurrent writes share one transaction (group commit). A writer mostly
   * waits for the commit, and a transaction takes at most one call per writer: with 4 writers the
   * store's transactions of at most 4 calls, their commits included, were a third of the service's
   * CPU at 700 calls/s; 32 let a transaction take what a commit's time gathers.
   */
  static final int RECORDERS = 32;
  /**
   * Answered calls waiting for their history write before a lane writes the next one itself. Kept
   * short: a lane that writes stops taking calls, its queue fills and new calls get 503, so a store
   * that falls behind sheds load instead of piling up work.
   */
  static final int RECORD_QUEUE = 256;
  private static final System.Logger LOG = System.getLogger(ScreeningProxy.class.getName());

  private final SipConfig config;
  private final Callees callees;
  private final Screenings screenings;
  private final SipMetrics metrics;
  private final SipStack stack;
  /** Our Via sent-by and Record-Route, written once. */
  private final String recordRoute;
  private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];
  private final ThreadPoolExecutor recorders;
  /** Per account, the history write of its latest answered call while it is under way. */
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> writing = new ConcurrentHashMap<>();

  ScreeningProxy(SipConfig config, Callees callees, Screenings screenings, SipMetrics metrics, SipStack stack) {
    this.config = config;
    this.callees = callees;
    this.screenings = screenings;
    this.metrics = metrics;
    this.stack = stack;
    this.recordRoute = "<sip:" + config.listen().host() + ":" + config.listen().port() + ";lr"
        + (config.transports().contains("udp") ? "" : ";transport=tcp") + ">";
    for (int i = 0; i < LANES; i++) {
      String name = "dunshield-sip-screening-" + i;
      lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE / LANES), r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
    }
    recorders = new ThreadPoolExecutor(RECORDERS, RECORDERS, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(RECORD_QUEUE), r -> {
          Thread t = new Thread(r, "dunshield-sip-recorder");
          t.setDaemon(true);
          // background work: with -XX:ThreadPriorityPolicy=1 (the launcher's, see docs/sip.md) the
          // kernel runs the screening and SIP threads first when both want a CPU
          t.setPriority(Thread.MIN_PRIORITY);
          return t;
        }, (task, full) -> task.run()); // full, or closing: the lane writes it itself, nothing is dropped
  }

  /**
   * Stops the screening threads; calls waiting for a decision are dropped (the stack stops too),
   * answered calls are still written to the history (up to 10 seconds).
   */
  void close() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdownNow();
    }
    recorders.shutdown();
    try {
      if (!recorders.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "answered calls still unwritten to the history after 10 s: "
            + recorders.getQueue().size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void request(ServerTransaction server, SipMessage request) throws Exception {
    long arrived = System.nanoTime();
    if (request.method().equals("INVITE") && request.toTag() == null) {
      admit(server, request, arrived);
    } else if (request.method().equals("OPTIONS") && addressedToUs(request)) {
      server.respond(local(200, request));
    } else {
      forward(new Call(server), request, null);
    }
  }

  /**
   * Queues the decision for the screening thread, so the stack's threads keep relaying responses,
   * ACKs and BYEs while calls are screened. No 100 Trying here: the INVITE server transaction sends
   * one itself when no answer has gone out after 200 ms (RFC 3261 17.2.1), before the caller's first
   * retransmission (T1, 500 ms), and a call decided sooner needs none (most are: one datagram fewer).
   * A full queue answers 503 with Retry-After: the service is overloaded, and a dispatcher in front
   * can route around it.
   */
  private void admit(ServerTransaction server, SipMessage invite, long arrived) {
    Call call = new Call(server);
    server.attach(call);
    String callee = invite.uri().userOnly();
    OptionalLong owner = callee == null ? OptionalLong.empty() : callees.owner(callee);
    ThreadPoolExecutor lane = lanes[(int) Math.floorMod(owner.orElse(Database.LOCAL_OWNER), (long) LANES)];
    try {
      lane.execute(() -> {
        try {
          screen(call, invite, owner, arrived);
        } catch (Exception | StackOverflowError e) {
          metrics.failed();
          LOG.log(System.Logger.Level.WARNING, "could not screen an INVITE: " + e, e);
          server.respond(local(500, invite));
        }
      });
    } catch (RejectedExecutionException full) {
      metrics.overloaded();
      SipMessage busy = local(503, invite);
      busy.add("Retry-After", "1");
      server.respond(busy);
    }
  }

  private void screen(Call call, SipMessage invite, OptionalLong owner, long arrived) throws Exception {
    if (call.cancelled()) {
      return;
    }
    long ownerId = Database.LOCAL_OWNER;
    if (owner.isEmpty()) {
      metrics.unmapped();
      switch (config.unknownCallee()) {
        case REJECT -> {
          answerUnlessCancelled(call, local(404, invite));
          return;
        }
        case FORWARD -> {
          let(call, invite, null);
          return;
        }
        case LOCAL -> ownerId = Database.LOCAL_OWNER;
      }
    } else {
      ownerId = owner.getAsLong();
    }
    CompletableFuture<Void> previous = writing.get(ownerId);
    if (previous != null) {
      previous.join(); // the detectors see this account's previous call before deciding the next
    }
    LiveScreening screening = screenings.of(ownerId);
    LiveScreening.Decision decision = decide(screening, invite);
    Verdict verdict = decision.verdict();
    metrics.decided(verdict.action(), System.nanoTime() - arrived);
    try {
      switch (verdict.action()) {
        case BLOCK -> block(call, invite, verdict);
        case SILENCE -> let(call, invite, verdict);
        case ALLOW -> let(call, invite, null);
      }
    } finally {
      recordLater(ownerId, screening, decision); // after answering: the caller does not wait for the write
    }
  }

  /**
   * Hands an answered call to a history writer. Only this account's lane decides its calls, so the
   * entry in {@link #writing} it leaves is the one its next call waits for. With every writer busy
   * and their queue full, the lane writes the call itself.
   */
  private void recordLater(long owner, LiveScreening screening, LiveScreening.Decision decision) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    writing.put(owner, written);
    recorders.execute(() -> {
      try {
        record(screening, decision);
      } finally {
        writing.remove(owner, written);
        written.complete(null);
      }
    });
  }

  /** Records an answered call; a failure is logged and counted (the call is answered already). */
  private void record(LiveScreening screening, LiveScreening.Decision decision) {
    try {
      screening.record(decision, SOURCE);
      metrics.countRecorded();
    } catch (RuntimeException e) {
      metrics.failed();
      LOG.log(System.Logger.Level.WARNING, "could not record a screened call in the history: " + e, e);
    }
  }

  /**
   * Screens the call, on its account's screening thread: one account's calls are decided and
   * recorded one at a time, so a detector that counts recent calls (call bombing) sees every earlier
   * call of a burst. The call is answered (or forwarded) before its history write, so the caller
   * does not wait for the store; the next call of the account waits for it.
   */
  private static LiveScreening.Decision decide(LiveScreening screening, SipMessage invite) {
    Caller caller = caller(invite);
    try {
      return screening.decideCall(caller.number(), null, caller.presentation());
    } catch (IllegalArgumentException notANumber) { // an alias such as sip:alice@host is no number to screen by
      return screening.decideCall(null, null, Presentation.UNKNOWN);
    }
  }

  static Caller caller(SipMessage invite) {
    String asserted = invite.first("P-Asserted-Identity");
    String assertedUri = null;
    if (asserted != null) {
      try {
        assertedUri = NameAddr.parse(asserted.contains(",") ? asserted.substring(0, asserted.indexOf(',')) : asserted)
            .uri().toString();
      } catch (IllegalArgumentException e) {
        assertedUri = asserted.replaceAll("^[^<]*<([^>]*)>.*$", "$1");
      }
    }
    return Caller.identify(assertedUri, invite.all("Privacy"), invite.from().uri().toString());
  }

  private void block(Call call, SipMessage invite, Verdict verdict) {
    SipMessage response = local(config.blockStatus(), invite);
    response.add("X-Dunshield-Check", verdict.check());
    if (verdict.category() != null) {
      response.add("X-Dunshield-Category", verdict.category().code());
    }
    if (config.announcement() != null) {
      response.add("Error-Info", "<" + config.announcement() + ">");
    }
    answerUnlessCancelled(call, response);
  }

  /** Lets a call through: forwarded, or redirected; {@code silenced} marks it for the callee's device. */
  private void let(Call call, SipMessage invite, Verdict silenced) throws Exception {
    String user = invite.uri().userOnly();
    if (config.allowMode() == AllowMode.REDIRECT) {
      SipMessage moved = local(302, invite);
      String target = forwardUri(user);
      if (silenced != null) {
        target += "?" + config.silenceHeader().name() + "="
            + URLEncoder.encode(config.silenceHeader().value(), StandardCharsets.UTF_8).replace("+", "%20");
      }
      moved.add("Contact", "<" + target + ">");
      answerUnlessCancelled(call, moved);
      return;
    }
    SipMessage copy = retarget(invite.copy());
    copy.setRequestUri(forwardUri(user));
    if (silenced != null) {
      copy.set(config.silenceHeader().name(), config.silenceHeader().value());
    }
    forward(call, invite, copy);
  }

  private void answerUnlessCancelled(Call call, SipMessage response) {
    if (!call.cancelled()) {
      call.server().respond(response);
    }
  }

  /**
   * Forwards {@code request} statefully: {@code prepared} is a copy already retargeted (an allowed
   * INVITE), else the request goes where its Route or Request-URI says, or to the forward target when
   * they name this service.
   */
  private void forward(Call call, SipMessage request, SipMessage prepared) throws Exception {
    SipMessage copy = prepared != null ? prepared : retarget(request.copy());
    Hop hop;
    try {
      hop = Hop.of(copy);
    } catch (IllegalArgumentException unroutable) {
      call.server().respond(local(416, request));
      return;
    }
    if (!hop(copy, hop, stack.newBranch())) {
      call.server().respond(local(483, request));
      return;
    }
    if (request.method().equals("INVITE") && request.toTag() == null) {
      copy.addFirst("Record-Route", recordRoute);
    }
    ClientTransaction client = stack.client(copy, hop, call);
    call.server().attach(call);
    if (call.forwardedAs(client)) {
      try {
        client.start();
      } catch (java.io.IOException e) {
        call.server().respond(local(503, request)); // 16.9: the next hop cannot be reached
      }
    }
  }

  /** Adds our Via and takes one from Max-Forwards; false when no hops are left. */
  private boolean hop(SipMessage copy, Hop hop, String branch) {
    String maxForwards = copy.first("Max-Forwards");
    if (maxForwards == null) {
      copy.set("Max-Forwards", "70");
    } else {
      int left = Integer.parseInt(maxForwards);
      if (left <= 0) {
        return false;
      }
      copy.set("Max-Forwards", Integer.toString(left - 1));
    }
    copy.addFirst("Via", "SIP/2.0/" + hop.transport() + " " + config.listen().host() + ":" + config.listen().port()
        + ";branch=" + branch);
    return true;
  }

  /** Drops our own Route, and sends a request addressed to us on to the forward target. */
  private SipMessage retarget(SipMessage copy) {
    String top = copy.first("Route");
    if (top != null && isUs(NameAddr.parse(top).uri())) {
      copy.removeFirst("Route");
    }
    if (copy.first("Route") == null && isUs(copy.uri())) {
      copy.setRequestUri(forwardUri(copy.uri().userOnly()));
    }
    return copy;
  }

  /** Relays the ACK of a 2xx end to end (16.11: stateless, a branch derived from the incoming one). */
  @Override
  public void ack(SipMessage ack) throws Exception {
    if (stack.ourTag(ack.toTag())) {
      return; // the ACK of an answer of ours that came after its transaction ended: nothing downstream knows it
    }
    SipMessage copy = retarget(ack.copy());
    Hop hop;
    try {
      hop = Hop.of(copy);
    } catch (IllegalArgumentException unroutable) {
      return;
    }
    String incoming = ack.topVia().branch();
    String branch = Via.MAGIC_COOKIE + "-dsack-" + Integer.toHexString(String.valueOf(incoming).hashCode())
        + Integer.toHexString(ack.callId().hashCode());
    if (hop(copy, hop, branch)) {
      stack.sendStateless(copy, hop);
    }
  }

  @Override
  public void cancel(ServerTransaction cancel, ServerTransaction invite, SipMessage request) throws Exception {
    if (invite == null || !(invite.application() instanceof Call call)) {
      cancel.respond(local(481, request));
      return;
    }
    cancel.respond(local(200, request));
    ClientTransaction forwarded = call.cancel();
    if (forwarded == null) {
      SipMessage original = invite.request();
      if (original != null && invite.state() == State.PROCEEDING) {
        invite.respond(local(487, original));
      }
    } else if (forwarded.state() == State.PROCEEDING) {
      sendCancel(forwarded);
    } else if (forwarded.state() == State.CALLING) {
      call.cancelWhenProceeding(); // RFC 3261 9.1: no CANCEL before a provisional response
    }
  }

  private void sendCancel(ClientTransaction forwarded) throws java.io.IOException {
    SipMessage cancel = forwarded.cancel();
    if (cancel != null) {
      stack.client(cancel, forwarded.hop, null).start();
    }
  }

  @Override
  public void response(ClientTransaction client, SipMessage response) throws Exception {
    if (!(client.application() instanceof Call call)) {
      return; // the answer to a CANCEL of ours: hop by hop, ends here
    }
    int status = response.status();
    if (status < 200 && call.takePendingCancel()) {
      sendCancel(client);
    }
    if (status == 100) {
      return; // hop by hop: the caller got ours
    }
    // the reading thread and the timer thread may both relay: one order per call, and never a
    // provisional answer after the final one
    synchronized (call) {
      ServerTransaction server = call.server();
      State state = server.state();
      if (call.answered() || (state != State.TRYING && state != State.PROCEEDING)) {
        if (status / 100 == 2) {
          relayStateless(response); // a 2xx retransmission: end to end, past the ended transaction
        }
        return;
      }
      SipMessage copy = response.copy();
      copy.removeFirst("Via");
      server.respond(copy);
      if (status >= 200) {
        call.markAnswered();
      }
    }
  }

  /**
   * A response that matched no transaction of ours (a 2xx retransmitted after the INVITE transaction
   * ended): relayed statelessly (RFC 3261 16.7) when our Via is on top, else dropped (18.1.2).
   */
  @Override
  public void stray(SipMessage response) throws Exception {
    Via top = response.topVia();
    if (!isUs(top)) {
      return;
    }
    metrics.stray();
    relayStateless(response);
  }

  private void relayStateless(SipMessage response) throws java.io.IOException {
    SipMessage copy = response.copy();
    copy.removeFirst("Via");
    if (copy.first("Via") != null) {
      stack.sendStateless(copy);
    }
  }

  @Override
  public void timeout(ClientTransaction client) throws Exception {
    if (!(client.application() instanceof Call call)) {
      return;
    }
    ServerTransaction server = call.server();
    if (client.state() == State.PROCEEDING) {
      // timer C: it rang too long. Cancel it; the callee's 487 (or a 2xx that crossed the CANCEL)
      // reaches the caller through the transaction, and a 408 of ours only when no answer comes
      sendCancel(client);
      stack.later(stack.timing().timeout(), () -> timedOut(server));
      return;
    }
    timedOut(server); // timer B or F: as if the next hop had answered 408 (16.8)
  }

  private void timedOut(ServerTransaction server) {
    SipMessage original = server.request();
    if (original != null && (server.state() == State.TRYING || server.state() == State.PROCEEDING)) {
      server.respond(local(408, original));
    }
  }

  /**
   * A response generated here (not relayed): a final or ringing answer carries a To tag of ours
   * (RFC 3261 8.2.6.2), so the caller's ACK and CANCEL match it.
   */
  private SipMessage local(int status, SipMessage request) {
    return request.response(status, status > 100 ? stack.newTag() : null);
  }

  private String forwardUri(String user) {
    return "sip:" + (user == null ? "" : user + "@") + config.forward().host() + ":" + config.forward().port()
        + (config.forwardTransport().equals("udp") ? "" : ";transport=" + config.forwardTransport());
  }

  private boolean addressedToUs(SipMessage request) {
    SipUri uri = request.uri();
    return isUs(uri) && uri.user() == null;
  }

  private boolean isUs(SipUri uri) {
    return uri.isSip() && isUs(uri.host(), uri.port());
  }

  private boolean isUs(Via via) {
    return isUs(via.host(), via.port());
  }

  private boolean isUs(String host, int port) {
    return host.equalsIgnoreCase(config.listen().host()) && (port < 0 ? 5060 : port) == config.listen().port();
  }
}
