package org.dunshield.core.number;

import java.util.Locale;

/** What kind of line a number is. The {@link #code()} is persisted and used in rules: never change it. */
public enum NumberKind {
  MOBILE("mobile"),
  VIRTUAL_MOBILE("virtual_mobile"),
  LANDLINE("landline"),
  TOLL_FREE("toll_free"),
  SERVICE("service"),
  GOVERNMENT("government"),
  EMERGENCY("emergency"),
  SHORT_CODE("short_code"),
  INTERNATIONAL("international"),
  HIDDEN("hidden"),
  UNKNOWN("unknown");

  private final String code;

  NumberKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Parses a code such as {@code virtual_mobile} (also accepts {@code virtual-mobile}). */
  public static NumberKind fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (NumberKind kind : values()) {
      if (kind.code.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown number kind '" + code + "'; expected one of "
        + java.util.Arrays.stream(values()).map(NumberKind::code).toList());
  }
}
