package org.dunshield.core.screen;

/** What happens to a call or SMS. Codes are persisted and part of the API. */
public enum Action {
  ALLOW("allow"),
  /** Ring silently, or deliver to a spam folder; kept in history. */
  SILENCE("silence"),
  BLOCK("block");

  private final String code;

  Action(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Action fromCode(String code) {
    for (Action a : values()) {
      if (a.code.equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action '" + code + "'; expected allow, silence or block");
  }
}
