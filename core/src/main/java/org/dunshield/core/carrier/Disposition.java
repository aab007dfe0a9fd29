package org.dunshield.core.carrier;

import java.util.Locale;

/** How a call ended, as a switch records it. Codes are persisted in CDR files. */
public enum Disposition {
  ANSWERED("answered"),
  NO_ANSWER("no_answer"),
  BUSY("busy"),
  /** The caller hung up while it was ringing (one-ring calls end this way). */
  CALLER_CANCEL("caller_cancel"),
  /** The callee (or their screening) declined the call. */
  REJECTED("rejected"),
  FAILED("failed");

  private static final Disposition[] VALUES = values();
  private final String code;

  Disposition(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** @throws IllegalArgumentException for an unknown code, naming the expected ones */
  public static Disposition fromCode(String code) {
    for (Disposition d : VALUES) {
      if (d.code.equals(code)) {
        return d;
      }
    }
    switch (code.toLowerCase(Locale.ROOT)) {
      case "answered": return ANSWERED;
      case "no_answer": return NO_ANSWER;
      case "busy": return BUSY;
      case "caller_cancel": return CALLER_CANCEL;
      case "rejected": return REJECTED;
      case "failed": return FAILED;
      default:
        throw new IllegalArgumentException("unknown disposition '" + code
            + "'; expected answered, no_answer, busy, caller_cancel, rejected or failed");
    }
  }
}
