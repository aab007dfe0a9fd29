package org.dunshield.core.loan;

/** How a deferral plan treats interest. Codes are persisted and shown in APIs. */
public enum InterestTreatment {
  /** Interest continues at the contract rate. */
  CONTRACT_RATE("contract-rate"),
  /** Interest continues, reduced to the legal limit the contract exceeds. */
  CAPPED_RATE("capped-rate"),
  /** No further interest: only the amount owed is repaid. */
  FROZEN("frozen");

  private final String code;

  InterestTreatment(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
