package org.dunshield.sip;

import org.dunshield.sip.SipStack.ClientTransaction;
import org.dunshield.sip.SipStack.ServerTransaction;

/**
 * One request the service is handling: the server transaction towards the caller and, once
 * forwarded, the client transaction towards the forward target. CANCEL and the screening thread
 * meet here, so a call cancelled while it is being screened is never forwarded. Thread-safe.
 */
final class Call {
  private final ServerTransaction server;
  private ClientTransaction client;
  private boolean cancelled;
  private boolean cancelPending;
  private boolean answered;

  Call(ServerTransaction server) {
    this.server = server;
  }

  ServerTransaction server() {
    return server;
  }

  synchronized ClientTransaction client() {
    return client;
  }

  /** Records the forwarded transaction; false when the caller cancelled first (then do not send). */
  synchronized boolean forwardedAs(ClientTransaction forwarded) {
    if (cancelled) {
      return false;
    }
    client = forwarded;
    return true;
  }

  /** Whether the caller cancelled before a final answer. */
  synchronized boolean cancelled() {
    return cancelled;
  }

  /**
   * Marks the call cancelled and returns the forwarded transaction to cancel, or {@code null} when
   * it was not forwarded yet (the caller is then answered 487 here).
   */
  synchronized ClientTransaction cancel() {
    cancelled = true;
    return client;
  }

  /** Whether a final answer from downstream was relayed to the caller. */
  synchronized boolean answered() {
    return answered;
  }

  synchronized void markAnswered() {
    answered = true;
  }

  /** A CANCEL arrived before any provisional answer from downstream: send it when one arrives. */
  synchronized void cancelWhenProceeding() {
    cancelPending = true;
  }

  /** Whether a CANCEL waits for the first provisional answer; clears the flag. */
  synchronized boolean takePendingCancel() {
    boolean pending = cancelPending;
    cancelPending = false;
    return pending;
  }
}
