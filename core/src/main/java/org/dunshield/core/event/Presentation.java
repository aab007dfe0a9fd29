package org.dunshield.core.event;

import java.util.Locale;

/**
 * How the network presented the caller. {@link #smsBackupCode()} is the value SMS Backup &amp;
 * Restore writes (1 allowed, 2 restricted, 3 unknown, 4 payphone).
 */
public enum Presentation {
  ALLOWED("allowed", 1),
  RESTRICTED("restricted", 2),
  UNKNOWN("unknown", 3),
  PAYPHONE("payphone", 4);

  private final String code;
  private final int smsBackupCode;

  Presentation(String code, int smsBackupCode) {
    this.code = code;
    this.smsBackupCode = smsBackupCode;
  }

  public String code() {
    return code;
  }

  public int smsBackupCode() {
    return smsBackupCode;
  }

  /** Whether the caller's number is withheld from the user (hidden, unknown or payphone). */
  public boolean withheld() {
    return this != ALLOWED;
  }

  public static Presentation fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (Presentation p : values()) {
      if (p.code.equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown presentation '" + code + "'; expected allowed, restricted, unknown or payphone");
  }

  public static Presentation fromSmsBackupCode(int code) {
    for (Presentation p : values()) {
      if (p.smsBackupCode == code) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown presentation code " + code + "; expected 1 to 4");
  }
}
