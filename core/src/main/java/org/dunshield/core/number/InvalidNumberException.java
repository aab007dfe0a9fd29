package org.dunshield.core.number;

/** A string that is not a phone number; {@link #reason()} says why. */
public final class InvalidNumberException extends IllegalArgumentException {
  /** Typed reasons, so callers can react without parsing messages. */
  public enum Reason {
    EMPTY,
    NOT_A_NUMBER,
    TOO_SHORT,
    TOO_LONG,
    INVALID_COUNTRY_CODE,
    NOT_VALID_FOR_REGION
  }

  private final Reason reason;
  private final String input;

  public InvalidNumberException(Reason reason, String input, String message) {
    super(message);
    this.reason = reason;
    this.input = input;
  }

  public Reason reason() {
    return reason;
  }

  public String input() {
    return input;
  }
}
