package org.dunshield.core.event;

/**
 * The outcome of a call as phones log it. {@link #smsBackupCode()} is SMS Backup &amp; Restore's
 * {@code type} attribute; {@link #code()} is persisted.
 */
public enum CallType {
  ANSWERED("answered", 1, Direction.INCOMING),
  OUTGOING("outgoing", 2, Direction.OUTGOING),
  MISSED("missed", 3, Direction.INCOMING),
  VOICEMAIL("voicemail", 4, Direction.INCOMING),
  REJECTED("rejected", 5, Direction.INCOMING),
  REFUSED("refused", 6, Direction.INCOMING);

  private final String code;
  private final int smsBackupCode;
  private final Direction direction;

  CallType(String code, int smsBackupCode, Direction direction) {
    this.code = code;
    this.smsBackupCode = smsBackupCode;
    this.direction = direction;
  }

  public String code() {
    return code;
  }

  public int smsBackupCode() {
    return smsBackupCode;
  }

  public Direction direction() {
    return direction;
  }

  public static CallType fromCode(String code) {
    for (CallType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown call type '" + code + "'");
  }

  public static CallType fromSmsBackupCode(int code) {
    for (CallType t : values()) {
      if (t.smsBackupCode == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown call type " + code + "; expected 1 to 6");
  }
}
