package org.dunshield.core.carrier;

import java.util.Objects;

/**
 * One call detail record. Numbers are E.164 as longs ({@link E164}); {@code start} is the call's
 * set-up time in epoch milliseconds (event time); {@code ringSeconds} is how long it rang,
 * {@code talkSeconds} how long the parties talked (0 when not answered). {@code cell} is the cell or
 * switch id when the network gives one, else the empty string. Immutable.
 */
public record Cdr(long caller, long callee, long start, int ringSeconds, int talkSeconds, boolean answered,
    Disposition disposition, String cell) {

  public Cdr {
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(cell, "cell");
    if (caller <= 0 || callee <= 0) {
      throw new IllegalArgumentException("caller and callee must be E.164 numbers");
    }
    if (ringSeconds < 0 || talkSeconds < 0) {
      throw new IllegalArgumentException("ring and talk seconds cannot be negative");
    }
    if (answered != (disposition == Disposition.ANSWERED)) {
      throw new IllegalArgumentException("answered must be true exactly when the disposition is answered");
    }
    if (!answered && talkSeconds != 0) {
      throw new IllegalArgumentException("an unanswered call has no talk time");
    }
  }

  /** A call the caller ended while it was still ringing, within {@code maxRing} seconds. */
  public boolean oneRing(int maxRing) {
    return disposition == Disposition.CALLER_CANCEL && ringSeconds <= maxRing;
  }
}
