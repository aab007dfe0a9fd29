package org.dunshield.core.rule;

import java.util.Locale;

/** How a rule's pattern matches numbers. Codes are persisted and used on the command line. */
public enum MatchKind {
  /** One number, stored in E.164. */
  EXACT("exact", 50),
  /** Numbers starting with these digits (stored as E.164 digits without the plus). */
  PREFIX("prefix", 40),
  /** Digits with {@code *} (any run) and {@code ?} (one digit). */
  WILDCARD("wildcard", 30),
  /** A linear-time (RE2) regular expression. */
  REGEX("regex", 20),
  /** A number kind such as {@code virtual_mobile} or {@code hidden}. */
  TYPE("type", 10);

  private final String code;
  private final int specificity;

  MatchKind(String code, int specificity) {
    this.code = code;
    this.specificity = specificity;
  }

  public String code() {
    return code;
  }

  /** Higher is more specific; used to break priority ties. */
  public int specificity() {
    return specificity;
  }

  public static MatchKind fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (MatchKind k : values()) {
      if (k.code.equals(wanted)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule kind '" + code + "'; expected exact, prefix, wildcard, regex or type");
  }
}
