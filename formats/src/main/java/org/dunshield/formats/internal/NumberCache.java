package org.dunshield.formats.internal;

import java.util.HashMap;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * Remembers what {@link NumberParser} made of raw strings: a backup names the same few hundred
 * parties over and over, and the general parse path costs microseconds. Bounded; not thread-safe.
 */
public final class NumberCache {
  private static final int MAX_ENTRIES = 20_000;
  private static final Object NOT_A_NUMBER = new Object();

  private final NumberParser parser;
  private final HashMap<String, Object> cache = new HashMap<>();

  public NumberCache(NumberParser parser) {
    this.parser = parser;
  }

  /** The normalised number, or null when {@code raw} is not a phone number (e.g. "BANK"). */
  public PhoneNumber parseOrNull(String raw) {
    Object known = cache.get(raw);
    if (known == null) {
      try {
        known = parser.parse(raw);
      } catch (InvalidNumberException e) {
        known = NOT_A_NUMBER;
      }
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(raw, known);
    }
    return known == NOT_A_NUMBER ? null : (PhoneNumber) known;
  }
}
