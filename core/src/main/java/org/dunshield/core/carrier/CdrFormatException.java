package org.dunshield.core.carrier;

/** A CDR file that cannot be read: names the file, the line and the field. Bad input, not a failure. */
public final class CdrFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CdrFormatException(String file, long line, String field, String problem) {
    super(file + ":" + line + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
  }
}
