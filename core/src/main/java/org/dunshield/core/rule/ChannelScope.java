package org.dunshield.core.rule;

import java.util.Locale;
import org.dunshield.core.event.Channel;

/** Which channels a rule applies to. Codes are persisted. */
public enum ChannelScope {
  CALL("call"),
  SMS("sms"),
  BOTH("both");

  private final String code;

  ChannelScope(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean covers(Channel channel) {
    return this == BOTH || (this == CALL) == (channel == Channel.CALL);
  }

  public boolean overlaps(ChannelScope other) {
    return this == BOTH || other == BOTH || this == other;
  }

  public static ChannelScope fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (ChannelScope c : values()) {
      if (c.code.equals(wanted)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown channel '" + code + "'; expected call, sms or both");
  }
}
