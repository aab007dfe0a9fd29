package org.dunshield.formats.vcard;

/**
 * One logical vCard property after unfolding and decoding. {@code value} is null for properties the
 * reader does not need (their content is skipped unread). Immutable.
 *
 * @param line the 1-based line the property starts on
 * @param name the upper-case name without group, such as {@code TEL}
 * @param uri whether {@code VALUE=uri} was given
 * @param value the decoded value (quoted-printable, base64 and charset undone), or null
 */
record Property(long line, String name, boolean uri, String value) {}
