package org.dunshield.sip;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionState;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Verdict;
import org.dunshield.store.Database;

/**
 * The SIP side of the service, as a JAIN-SIP listener: screens each initial INVITE and answers,
 * redirects or forwards it; forwards everything else (ACK, BYE, re-INVITE, OPTIONS to a user) as a
 * transaction-stateful proxy (RFC 3261 section 16) that Record-Routes itself into allowed dialogs;
 * matches CANCEL to the call it cancels. The stack owns transactions and retransmissions (timers A to
 * K), parses and rejects malformed messages with 400. Thread-safe: the stack calls it from several
 * threads at once (reentrant listener).
 */
final class ScreeningProxy implements SipListener {
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
   * decided beside them (and their history writes overlap the decisions).
   */
  static final int LANES = 4;
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
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];
  private final ThreadPoolExecutor recorders;
  /** Per account, the history write of its latest answered call while it is under way. */
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> writing = new ConcurrentHashMap<>();
  private volatile SipProvider provider;

  ScreeningProxy(SipConfig config, Callees callees, Screenings screenings, SipMetrics metrics,
      MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
    this.config = config;
    this.callees = callees;
    this.screenings = screenings;
    this.metrics = metrics;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
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

  void attach(SipProvider sipProvider) {
    this.provider = sipProvider;
  }

  @Override
  public void processRequest(RequestEvent event) {
    long arrived = System.nanoTime();
    Request request = event.getRequest();
    ServerTransaction server = null;
    try {
      switch (request.getMethod()) {
        case Request.ACK -> forwardStateless(request);
        case Request.CANCEL -> cancel(event);
        default -> {
          server = event.getServerTransaction() != null ? event.getServerTransaction()
              : provider.getNewServerTransaction(request);
          if (request.getMethod().equals(Request.INVITE) && toTag(request) == null) {
            admit(server, request, arrived);
          } else if (request.getMethod().equals(Request.OPTIONS) && addressedToUs(request)) {
            server.sendResponse(local(Response.OK, request));
          } else {
            forward(new Call(server), request, null);
          }
        }
      }
    } catch (TransactionAlreadyExistsException retransmission) {
      // a retransmission that raced its original into the listener: the transaction answers it
    } catch (TransactionUnavailableException e) {
      // the stack parsed the request but it lacks what a transaction needs (an INVITE without Contact)
      badRequest(request, e);
    } catch (Exception | StackOverflowError e) {
      metrics.failed();
      LOG.log(System.Logger.Level.WARNING, "could not handle " + request.getMethod() + ": " + e, e);
      answer(server, request, Response.SERVER_INTERNAL_ERROR);
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
  private void admit(ServerTransaction server, Request invite, long arrived) throws Exception {
    Call call = new Call(server);
    server.setApplicationData(call);
    String callee = userOf(invite.getRequestURI());
    OptionalLong owner = callees.owner(callee);
    ThreadPoolExecutor lane = lanes[(int) Math.floorMod(owner.orElse(Database.LOCAL_OWNER), (long) LANES)];
    try {
      lane.execute(() -> {
        try {
          screen(call, invite, owner, arrived);
        } catch (Exception | StackOverflowError e) {
          metrics.failed();
          LOG.log(System.Logger.Level.WARNING, "could not screen an INVITE: " + e, e);
          answer(server, invite, Response.SERVER_INTERNAL_ERROR);
        }
      });
    } catch (RejectedExecutionException full) {
      metrics.overloaded();
      Response busy = local(Response.SERVICE_UNAVAILABLE, invite);
      busy.addHeader(headers.createRetryAfterHeader(1));
      server.sendResponse(busy);
    }
  }

  private void screen(Call call, Request invite, OptionalLong owner, long arrived) throws Exception {
    if (call.cancelled()) {
      return;
    }
    long ownerId = Database.LOCAL_OWNER;
    if (owner.isEmpty()) {
      metrics.unmapped();
      switch (config.unknownCallee()) {
        case REJECT -> {
          answerUnlessCancelled(call, local(Response.NOT_FOUND, invite));
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
  private static LiveScreening.Decision decide(LiveScreening screening, Request invite) {
    Caller caller = caller(invite);
    try {
      return screening.decideCall(caller.number(), null, caller.presentation());
    } catch (IllegalArgumentException notANumber) { // an alias such as sip:alice@host is no number to screen by
      return screening.decideCall(null, null, Presentation.UNKNOWN);
    }
  }

  static Caller caller(Request invite) {
    Header asserted = invite.getHeader("P-Asserted-Identity");
    String assertedUri = null;
    if (asserted instanceof HeaderAddress a && a.getAddress() != null) {
      assertedUri = a.getAddress().getURI().toString();
    } else if (asserted != null) {
      assertedUri = valueOf(asserted).replaceAll("^[^<]*<([^>]*)>.*$", "$1");
    }
    List<String> privacy = new ArrayList<>();
    ListIterator<?> values = invite.getHeaders("Privacy");
    while (values != null && values.hasNext()) {
      privacy.add(valueOf((Header) values.next()));
    }
    FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
    return Caller.identify(assertedUri, privacy, from.getAddress().getURI().toString());
  }

  private static String valueOf(Header header) {
    String text = header.toString().trim();
    int colon = text.indexOf(':');
    return colon >= 0 ? text.substring(colon + 1).trim() : text;
  }

  private void block(Call call, Request invite, Verdict verdict) throws ParseException, SipException,
      InvalidArgumentException {
    Response response = local(config.blockStatus(), invite);
    response.addHeader(headers.createHeader("X-Dunshield-Check", verdict.check()));
    if (verdict.category() != null) {
      response.addHeader(headers.createHeader("X-Dunshield-Category", verdict.category().code()));
    }
    if (config.announcement() != null) {
      response.addHeader(headers.createHeader("Error-Info", "<" + config.announcement() + ">"));
    }
    answerUnlessCancelled(call, response);
  }

  /** Lets a call through: forwarded, or redirected; {@code silenced} marks it for the callee's device. */
  private void let(Call call, Request invite, Verdict silenced) throws Exception {
    if (config.allowMode() == AllowMode.REDIRECT) {
      Response moved = local(Response.MOVED_TEMPORARILY, invite);
      SipURI target = forwardUri(userOf(invite.getRequestURI()));
      if (silenced != null) {
        target.setHeader(config.silenceHeader().name(), config.silenceHeader().value());
      }
      ContactHeader contact = headers.createContactHeader(addresses.createAddress(target));
      moved.addHeader(contact);
      answerUnlessCancelled(call, moved);
      return;
    }
    Request copy = retarget((Request) invite.clone());
    copy.setRequestURI(forwardUri(userOf(invite.getRequestURI())));
    if (silenced != null) {
      copy.setHeader(headers.createHeader(config.silenceHeader().name(), config.silenceHeader().value()));
    }
    forward(call, invite, copy);
  }

  private void answerUnlessCancelled(Call call, Response response) throws SipException, InvalidArgumentException {
    if (!call.cancelled()) {
      call.server().sendResponse(response);
    }
  }

  /**
   * Forwards {@code request} statefully: {@code prepared} is a copy already retargeted (an allowed
   * INVITE), else the request goes where its Route or Request-URI says, or to the forward target when
   * they name this service.
   */
  private void forward(Call call, Request request, Request prepared) throws Exception {
    Request copy = prepared != null ? prepared : retarget((Request) request.clone());
    if (!hop(copy)) {
      call.server().sendResponse(local(Response.TOO_MANY_HOPS, request));
      return;
    }
    if (request.getMethod().equals(Request.INVITE) && toTag(request) == null) {
      SipURI self = addresses.createSipURI(null, config.listen().host());
      self.setPort(config.listen().port());
      self.setLrParam();
      if (!config.transports().contains("udp")) {
        self.setTransportParam("tcp");
      }
      RecordRouteHeader recordRoute = headers.createRecordRouteHeader(addresses.createAddress(self));
      copy.addFirst(recordRoute);
    }
    ClientTransaction client = provider.getNewClientTransaction(copy);
    client.setApplicationData(call);
    call.server().setApplicationData(call);
    if (call.forwardedAs(client)) {
      client.sendRequest();
    }
  }

  /** Adds our Via and takes one from Max-Forwards; false when no hops are left. */
  private boolean hop(Request copy) throws Exception {
    MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
    if (maxForwards == null) {
      copy.setHeader(headers.createMaxForwardsHeader(70));
    } else if (maxForwards.getMaxForwards() <= 0) {
      return false;
    } else {
      maxForwards.decrementMaxForwards();
    }
    ViaHeader via = headers.createViaHeader(config.listen().host(), config.listen().port(), viaTransport(copy),
        gov.nist.javax.sip.Utils.getInstance().generateBranchId());
    copy.addFirst(via);
    return true;
  }

  private String viaTransport(Request copy) {
    if (!copy.getHeaders(RouteHeader.NAME).hasNext() && copy.getRequestURI() instanceof SipURI uri
        && uri.getTransportParam() != null) {
      return uri.getTransportParam().toLowerCase(java.util.Locale.ROOT);
    }
    return "udp";
  }

  /** Drops our own Route, and sends a request addressed to us on to the forward target. */
  private Request retarget(Request copy) throws ParseException {
    RouteHeader top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
    if (top != null && isUs(top.getAddress().getURI())) {
      copy.removeFirst(RouteHeader.NAME);
    }
    if (!copy.getHeaders(RouteHeader.NAME).hasNext() && isUs(copy.getRequestURI())) {
      copy.setRequestURI(forwardUri(userOf(copy.getRequestURI())));
    }
    return copy;
  }

  private void forwardStateless(Request ack) throws Exception {
    Request copy = retarget((Request) ack.clone());
    if (hop(copy)) {
      provider.sendRequest(copy);
    }
  }

  private void cancel(RequestEvent event) throws Exception {
    Request cancel = event.getRequest();
    ServerTransaction server = event.getServerTransaction() != null ? event.getServerTransaction()
        : provider.getNewServerTransaction(cancel);
    SIPServerTransaction invite = ((SIPServerTransaction) server).getCanceledInviteTransaction();
    if (invite == null || !(invite.getApplicationData() instanceof Call call)) {
      server.sendResponse(local(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, cancel));
      return;
    }
    server.sendResponse(local(Response.OK, cancel));
    ClientTransaction forwarded = call.cancel();
    if (forwarded == null) {
      if (invite.getState() == TransactionState.PROCEEDING) {
        invite.sendResponse(local(Response.REQUEST_TERMINATED, invite.getRequest()));
      }
    } else if (forwarded.getState() == TransactionState.PROCEEDING) {
      provider.getNewClientTransaction(forwarded.createCancel()).sendRequest();
    } else if (forwarded.getState() == TransactionState.CALLING) {
      call.cancelWhenProceeding(); // RFC 3261 9.1: no CANCEL before a provisional response
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    Response response = event.getResponse();
    try {
      ClientTransaction client = event.getClientTransaction();
      if (client == null || !(client.getApplicationData() instanceof Call call)) {
        forwardStateless(response); // a 2xx retransmission after the INVITE transaction ended
        return;
      }
      int status = response.getStatusCode();
      if (status < 200 && call.takePendingCancel()) {
        provider.getNewClientTransaction(client.createCancel()).sendRequest();
      }
      if (status == Response.TRYING) {
        return; // we sent our own
      }
      // the stack hands a 180 and the 200 right behind it to two threads: relay them in one order
      // per call, and never a provisional answer after the final one
      synchronized (call) {
        ServerTransaction server = call.server();
        TransactionState state = server.getState();
        if (call.answered() || state == TransactionState.TERMINATED
            || (state == TransactionState.COMPLETED && status >= 200)) {
          if (status / 100 == 2) {
            forwardStateless(response); // a 2xx retransmission: end to end, past the ended transaction
          }
          return;
        }
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        server.sendResponse(copy);
        if (status >= 200) {
          call.markAnswered();
        }
      }
    } catch (Exception e) {
      metrics.failed();
      LOG.log(System.Logger.Level.WARNING, "could not relay " + response.getStatusCode() + ": " + e, e);
    }
  }

  /**
   * Relays a response that matched no transaction of ours statelessly (RFC 3261 16.7), for {@link
   * StrayResponses}; a failure is logged, the sender retransmits.
   */
  void relayStray(Response response) {
    try {
      forwardStateless(response);
    } catch (SipException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not relay a stray " + response.getStatusCode() + ": " + e);
    }
  }

  private void forwardStateless(Response response) throws SipException {
    Response copy = (Response) response.clone();
    copy.removeFirst(ViaHeader.NAME);
    if (copy.getHeader(ViaHeader.NAME) != null) {
      provider.sendResponse(copy);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return; // no ACK for our final answer: the transaction is over, nothing to tell anyone
    }
    ClientTransaction client = event.getClientTransaction();
    if (client != null && client.getApplicationData() instanceof Call call) {
      ServerTransaction server = call.server();
      TransactionState state = server.getState();
      if (state == TransactionState.TRYING || state == TransactionState.PROCEEDING) {
        answer(server, server.getRequest(), Response.REQUEST_TIMEOUT);
      }
    }
  }

  private void answer(ServerTransaction server, Request request, int status) {
    if (request.getMethod().equals(Request.ACK)) {
      return;
    }
    try {
      Response response = local(status, request);
      if (server != null) {
        server.sendResponse(response);
      } else {
        provider.sendResponse(response);
      }
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer " + status + ": " + e);
    }
  }

  /** Answers 400 statelessly, with the stack's complaint in the reason phrase. */
  private void badRequest(Request request, Exception problem) {
    if (request.getMethod().equals(Request.ACK)) {
      return;
    }
    try {
      Response response = local(Response.BAD_REQUEST, request);
      Throwable cause = problem.getCause() != null ? problem.getCause() : problem;
      String why = String.valueOf(cause.getMessage()).replaceAll("[^\\x20-\\x7e]", "?");
      response.setReasonPhrase("Bad Request (" + (why.length() > 80 ? why.substring(0, 80) : why) + ")");
      provider.sendResponse(response);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer 400: " + e);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.log(System.Logger.Level.DEBUG, "I/O error towards " + event.getHost() + ":" + event.getPort());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // the stack forgets the transaction; our Call goes with it
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // no dialogs: automatic dialog support is off, as a proxy needs
  }

  /**
   * A response generated here (not relayed): a final or ringing answer carries a To tag of ours
   * (RFC 3261 8.2.6.2), so the caller's ACK and CANCEL match it.
   */
  private Response local(int status, Request request) throws ParseException {
    Response response = messages.createResponse(status, request);
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (status > Response.TRYING && to != null && to.getTag() == null) {
      to.setTag(gov.nist.javax.sip.Utils.getInstance().generateTag());
    }
    return response;
  }

  private SipURI forwardUri(String user) throws ParseException {
    SipURI uri = addresses.createSipURI(user, config.forward().host());
    uri.setPort(config.forward().port());
    if (!config.forwardTransport().equals("udp")) {
      uri.setTransportParam(config.forwardTransport());
    }
    return uri;
  }

  private boolean addressedToUs(Request request) {
    return isUs(request.getRequestURI()) && userOf(request.getRequestURI()) == null;
  }

  private boolean isUs(URI uri) {
    if (!(uri instanceof SipURI sip)) {
      return false;
    }
    int port = sip.getPort() < 0 ? 5060 : sip.getPort();
    return sip.getHost().equalsIgnoreCase(config.listen().host()) && port == config.listen().port();
  }

  /** The user part of a sip: URI or the number of a tel: URI, or {@code null}. */
  static String userOf(URI uri) {
    if (uri instanceof SipURI sip) {
      String user = sip.getUser();
      if (user == null) {
        return null;
      }
      int params = user.indexOf(';');
      return params >= 0 ? user.substring(0, params) : user;
    }
    if (uri instanceof TelURL tel) {
      return (tel.isGlobal() ? "+" : "") + tel.getPhoneNumber();
    }
    return null;
  }

  private static String toTag(Request request) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    return to == null ? null : to.getTag();
  }
}
