package org.dunshield.formats;

/** The file formats Dunshield reads, recognised from content by {@link ImportFile#detect}. */
public enum Format {
  /** vCard 2.1, 3.0 or 4.0 address book: yields contacts. */
  VCARD("vCard contacts", true),
  /** SMS Backup &amp; Restore calls backup ({@code <calls>}): yields call events. */
  CALLS_BACKUP("SMS Backup & Restore calls backup", false),
  /** SMS Backup &amp; Restore messages backup ({@code <smses>}): yields SMS events, MMS text included. */
  SMS_BACKUP("SMS Backup & Restore messages backup", false),
  /** A CSV call log with a header row: yields call events. */
  CALL_LOG_CSV("CSV call log", false);

  private final String description;
  private final boolean contacts;

  Format(String description, boolean contacts) {
    this.description = description;
    this.contacts = contacts;
  }

  /** A phrase for messages, such as "vCard contacts". */
  public String description() {
    return description;
  }

  /** True for address books (read with {@link ImportFile#contacts}), false for histories. */
  public boolean holdsContacts() {
    return contacts;
  }
}
