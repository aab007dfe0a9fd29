package org.dunshield.core.event;

/** The channel an event arrived on. Codes are persisted. */
public enum Channel {
  CALL("call"),
  SMS("sms");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Channel fromCode(String code) {
    for (Channel c : values()) {
      if (c.code.equalsIgnoreCase(code.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown channel '" + code + "'; expected call or sms");
  }
}
