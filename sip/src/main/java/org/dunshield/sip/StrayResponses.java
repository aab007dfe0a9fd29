package org.dunshield.sip;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Relays responses that match no client transaction before the stack looks for one the slow way.
 *
 * <p>For a response whose transaction is not in its table, JAIN-SIP walks every client transaction
 * and asks each whether the response is part of it (a fallback for RFC 2543 peers, whose branches
 * are no transaction ids). At 1,000 calls/s some 50,000 transactions wait out their timers, so each
 * such response cost milliseconds; they come exactly when the service falls behind (a callee
 * retransmits its 200 OK until the ACK, which waits in the same queues), so the walk fed on itself
 * until the service collapsed (140 calls per CPU-second, 44 % of the CPU in that walk).
 *
 * <p>With an RFC 3261 branch (magic cookie {@code z9hG4bK}) the branch is the transaction id
 * (17.1.3): no table entry means no transaction, and 16.7 says a proxy relays such a response
 * statelessly. That is what this valve does, ahead of the stack; everything else goes on to the
 * stack unchanged. Installed on the stack's valve list by {@link SipScreeningService}.
 */
final class StrayResponses implements SIPMessageValve {
  private final SIPTransactionStack stack;
  private final Consumer<Response> relay;
  private final SipMetrics metrics;

  StrayResponses(SIPTransactionStack stack, Consumer<Response> relay, SipMetrics metrics) {
    this.stack = Objects.requireNonNull(stack, "stack");
    this.relay = Objects.requireNonNull(relay, "relay");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    return true;
  }

  /** False (the stack drops it) for a response that was relayed here, true for the stack to handle. */
  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    if (!(response instanceof SIPResponse sip) || sip.getTopmostVia() == null) {
      return true;
    }
    String id = sip.getTransactionId();
    if (id == null || !id.regionMatches(true, 0, SIPConstants.BRANCH_MAGIC_COOKIE, 0, SIPConstants.BRANCH_MAGIC_COOKIE.length())
        || stack.findTransaction(id, false) != null) {
      return true;
    }
    metrics.stray();
    relay.accept(response);
    return false;
  }

  @Override
  public void init(SipStack sipStack) {
    // constructed with what it needs; the stack calls this only for valves it instantiates itself
  }

  @Override
  public void destroy() {
    // nothing held
  }
}
