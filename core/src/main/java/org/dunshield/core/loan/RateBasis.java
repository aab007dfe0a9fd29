package org.dunshield.core.loan;

import java.util.Locale;

/**
 * The period a stated rate refers to. Conversions follow the People's Bank convention: annual =
 * monthly × 12 = daily × 360. Codes are persisted.
 */
public enum RateBasis {
  ANNUAL("annual", 1),
  MONTHLY("monthly", 12),
  DAILY("daily", 360);

  private final String code;
  private final int perYear;

  RateBasis(String code, int perYear) {
    this.code = code;
    this.perYear = perYear;
  }

  public String code() {
    return code;
  }

  /** How many of these periods make a year under the People's Bank convention. */
  int perYear() {
    return perYear;
  }

  public static RateBasis fromCode(String code) {
    String normal = code.trim().toLowerCase(Locale.ROOT);
    for (RateBasis b : values()) {
      if (b.code.equals(normal)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown rate basis '" + code + "'; expected annual, monthly or daily");
  }
}
