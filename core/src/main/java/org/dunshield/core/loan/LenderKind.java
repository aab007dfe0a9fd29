package org.dunshield.core.loan;

/** Who lent the money; it decides which legal cap applies. Codes are persisted. */
public enum LenderKind {
  BANK("bank", true),
  CONSUMER_FINANCE("consumer_finance", true),
  MICROLOAN("microloan", true),
  PRIVATE("private", false);

  private final String code;
  private final boolean licensed;

  LenderKind(String code, boolean licensed) {
    this.code = code;
    this.licensed = licensed;
  }

  public String code() {
    return code;
  }

  /** Banks, consumer-finance and microloan companies are licensed; private lenders are not. */
  public boolean licensed() {
    return licensed;
  }

  /** Accepts the code, with {@code -} or {@code _} as separator, in any case. */
  public static LenderKind fromCode(String code) {
    String normal = code.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    for (LenderKind k : values()) {
      if (k.code.equals(normal)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown lender kind '" + code + "'; expected bank, consumer_finance, microloan or private");
  }
}
