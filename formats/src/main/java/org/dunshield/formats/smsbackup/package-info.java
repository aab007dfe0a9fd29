/**
 * SMS Backup &amp; Restore XML ({@code <calls>} and {@code <smses>} backups), read with a hardened
 * streaming StAX parser: a DOCTYPE is refused (no DTD, no external or internal entities), sizes are
 * bounded, and emoji written as references to UTF-16 surrogates ({@code &#55357;&#56842;}) are
 * decoded before the parser sees them.
 *
 * <p>Mapping. {@code <call>}: {@code date} (epoch ms), {@code duration} (s), {@code type} 1–6 as
 * {@link org.dunshield.core.event.CallType}, {@code presentation} 1–4; a number that is empty or a
 * negative placeholder ({@code -1} unknown, {@code -2} restricted, {@code -3} payphone) is hidden:
 * number null, raw number "". {@code <sms>}: {@code type} 1 received and 2 sent become events;
 * 3 (draft) and 4–6 (outbox, failed, queued) never reached the other party and are counted as
 * skipped. {@code <mms>}: {@code msg_box} as the SMS type, the text/plain parts joined with line
 * feeds, the party from {@code <addr>} type 137 (from) when received, 151 (to) when sent. A party
 * that is not a phone number (an alphanumeric sender ID, several recipients) keeps its raw text
 * with number null. Unknown elements and attributes are ignored; an unknown type code, a missing or
 * non-numeric {@code date}, and malformed XML fail with file and line.
 */
package org.dunshield.formats.smsbackup;
