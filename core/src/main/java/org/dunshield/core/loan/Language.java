package org.dunshield.core.loan;

import java.util.Locale;

/** The languages letters and explanations are written in. Codes are persisted. */
public enum Language {
  ZH("zh"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Language fromCode(String code) {
    String normal = code.trim().toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (normal.equals(l.code) || normal.startsWith(l.code + "-") || normal.startsWith(l.code + "_")) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown language '" + code + "'; expected zh or en");
  }
}
