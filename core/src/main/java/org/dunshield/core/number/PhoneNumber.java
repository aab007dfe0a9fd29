package org.dunshield.core.number;

import java.util.Objects;

/**
 * A normalised phone number in E.164 form ({@code +8613800138000}) with its kind. Two numbers are
 * equal when their E.164 strings are equal; the kind is derived data. Immutable and thread-safe.
 */
public final class PhoneNumber implements Comparable<PhoneNumber> {
  private static final int MAX_DIGITS = 17;

  private final String e164;
  private final long digits;
  private final NumberKind kind;

  private PhoneNumber(String e164, long digits, NumberKind kind) {
    this.e164 = e164;
    this.digits = digits;
    this.kind = kind;
  }

  /**
   * Builds a number from an E.164 string that is already normalised. Use {@link NumberParser} for
   * anything a person typed.
   */
  public static PhoneNumber of(String e164, NumberKind kind) {
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(kind, "kind");
    if (e164.length() < 3 || e164.length() > MAX_DIGITS + 1 || e164.charAt(0) != '+' || e164.charAt(1) == '0') {
      throw new IllegalArgumentException("not an E.164 number: '" + e164 + "'");
    }
    long value = 0;
    for (int i = 1; i < e164.length(); i++) {
      char c = e164.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not an E.164 number: '" + e164 + "'");
      }
      value = value * 10 + (c - '0');
    }
    return new PhoneNumber(e164, value, kind);
  }

  /** The E.164 form, for example {@code +8613800138000}. */
  public String e164() {
    return e164;
  }

  /** The E.164 digits (country code included) as a number: a compact key for indexes. */
  public long digits() {
    return digits;
  }

  /** The E.164 digits without the plus sign, for digit-wise matching. */
  public String digitString() {
    return e164.substring(1);
  }

  public NumberKind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PhoneNumber that && that.e164.equals(e164);
  }

  @Override
  public int hashCode() {
    return e164.hashCode();
  }

  @Override
  public int compareTo(PhoneNumber other) {
    return e164.compareTo(other.e164);
  }

  @Override
  public String toString() {
    return e164;
  }
}
