package org.dunshield.sip;

import java.util.Locale;

/** What happens to a call whose callee maps to no Dunshield user. */
public enum UnknownCallee {
  /** Screen it as the local user (a single-user installation in front of one line). */
  LOCAL("local"),
  /** Let it through unscreened (a carrier front where only subscribers are screened). */
  FORWARD("forward"),
  /** Answer 404 Not Found. */
  REJECT("reject");

  private final String code;

  UnknownCallee(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static UnknownCallee fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (UnknownCallee u : values()) {
      if (u.code.equals(wanted)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown callee policy '" + code + "'; expected local, forward or reject");
  }
}
