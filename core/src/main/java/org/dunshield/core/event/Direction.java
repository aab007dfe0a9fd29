package org.dunshield.core.event;

/** Whether the user received or made a call or message. Codes are persisted. */
public enum Direction {
  INCOMING("in"),
  OUTGOING("out");

  private final String code;

  Direction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Direction fromCode(String code) {
    for (Direction d : values()) {
      if (d.code.equals(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown direction '" + code + "'");
  }
}
