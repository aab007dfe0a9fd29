package org.dunshield.core.evidence;

import java.util.Locale;

/** What a link of the evidence log records. Codes are persisted and part of the hashed text. */
public enum LinkKind {
  /** A call or SMS of the history; the link's {@code ref} is the history id. */
  EVENT("event"),
  /** A file attached to a case; the link's {@code ref} is the attachment id. */
  ATTACHMENT("attachment");

  private final String code;

  LinkKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static LinkKind fromCode(String code) {
    for (LinkKind k : values()) {
      if (k.code.equals(code.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown evidence link kind '" + code + "'");
  }
}
