package org.dunshield.core.carrier;

/** What the carrier should do with a flagged number. Codes are persisted in findings files. */
public enum Recommendation {
  /** The evidence justifies freezing (suspending) the number now. */
  FREEZE("freeze"),
  /** Strong signals, but a person should look before the number is frozen. */
  REVIEW("review");

  private final String code;

  Recommendation(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
