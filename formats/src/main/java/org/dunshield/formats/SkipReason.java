package org.dunshield.formats;

/** Why a reader passed over an item of its file instead of yielding it. */
public enum SkipReason {
  /** An SMS or MMS draft (SMS Backup &amp; Restore type 3): the other party never saw it. */
  DRAFT,
  /** An SMS or MMS that never left the phone: outbox, failed or queued (types 4, 5 and 6). */
  UNSENT,
  /** A vCard without any TEL property. */
  CONTACT_WITHOUT_NUMBER,
  /** A vCard whose every TEL value is not a phone number (each is also reported as a warning). */
  CONTACT_WITHOUT_VALID_NUMBER
}
