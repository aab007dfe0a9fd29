/**
 * Phone numbers: the normalised {@link org.dunshield.core.number.PhoneNumber} value (E.164), the
 * {@link org.dunshield.core.number.NumberKind} vocabulary rules match on, and the
 * {@link org.dunshield.core.number.NumberParser} that turns what people and phones write into it,
 * with a fast path for common Chinese shapes proven equal to libphonenumber.
 */
package org.dunshield.core.number;
