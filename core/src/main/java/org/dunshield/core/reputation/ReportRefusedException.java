package org.dunshield.core.reputation;

/**
 * A well-formed report that the reputation will not take; {@link #reason()} says why. An
 * {@link IllegalArgumentException}, so the CLI exits 2 and the API answers a client error.
 */
public final class ReportRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Typed reasons, so callers can react without parsing messages. */
  public enum Reason {
    /** The same reporter made the same report on the same number within the duplicate window. */
    DUPLICATE,
    /** The reporter reached its daily limit of distinct numbers. */
    RATE_LIMITED
  }

  private final Reason reason;

  public ReportRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
