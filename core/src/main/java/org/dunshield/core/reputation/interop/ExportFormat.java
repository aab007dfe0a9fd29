package org.dunshield.core.reputation.interop;

import java.util.Arrays;
import java.util.Locale;

/** The layouts {@link BlocklistWriter} writes; {@link #code()} is what {@code --format} takes. */
public enum ExportFormat {
  /** SpamBlocker rule CSV: {@code pattern,description,priority,flags,isBlacklist,blockType}; regex patterns. */
  SPAMBLOCKER("spamblocker"),
  /** YetAnotherCallBlocker blacklist CSV: {@code ID,name,pattern,creationTimestamp,numberOfCalls,lastCallTimestamp}. */
  YACB("yacb"),
  /** callattendant CSV: {@code PhoneNo,Name,Reason}. */
  CALLATTENDANT("callattendant"),
  /** One E.164 number per line in ascending numeric order (what iOS call-directory extensions load). */
  E164("e164"),
  /** vCard 3.0 "Dunshield spam" contacts holding the numbers, for phones that block by contact. */
  VCARD("vcard");

  private final String code;

  ExportFormat(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ExportFormat fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.code.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + code + "'; expected one of "
        + Arrays.stream(values()).map(ExportFormat::code).toList());
  }
}
