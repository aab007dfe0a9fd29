package org.dunshield.sip;

import java.util.Locale;

/** How an allowed (or silenced) call reaches the forward target. */
public enum AllowMode {
  /** Forward the INVITE as a transaction-stateful proxy that stays in the dialog (Record-Route). */
  PROXY("proxy"),
  /** Answer 302 Moved Temporarily with the forward target as Contact; the caller re-sends there. */
  REDIRECT("redirect");

  private final String code;

  AllowMode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static AllowMode fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (AllowMode m : values()) {
      if (m.code.equals(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown allow mode '" + code + "'; expected proxy or redirect");
  }
}
