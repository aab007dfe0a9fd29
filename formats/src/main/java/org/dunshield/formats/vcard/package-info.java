/**
 * vCard 2.1, 3.0 and 4.0 address books, mixed in one file if need be, read with a streaming
 * byte-level parser: folded lines, quoted-printable values with soft line breaks, per-property
 * {@code CHARSET}, {@code TEL;VALUE=uri:tel:...}, grouped properties ({@code item1.TEL}). Photos
 * and other large properties are skipped unread.
 *
 * <p>A contact's name is {@code FN}, else built from {@code N} (family name first for Chinese,
 * Japanese and Korean names), else the first {@code ORG} unit. Numbers are normalised with the
 * options' {@link org.dunshield.core.number.NumberParser}. Junk in real exports is handled so that
 * one bad entry never aborts an import: a TEL that is not a phone number is dropped with a warning
 * naming file and line when the contact has another valid number; a contact with no valid number,
 * or with no TEL at all, is skipped and counted. Structural errors (a line that is not a property,
 * a missing END:VCARD) fail with file and line.
 */
package org.dunshield.formats.vcard;
