package org.dunshield.core.contact;

import java.util.Collection;
import org.dunshield.core.internal.LongIntHashMap;
import org.dunshield.core.number.PhoneNumber;

/**
 * The set of the user's contact numbers, compact enough for tens of thousands of entries and a
 * lookup without allocation. Immutable and thread-safe.
 */
public final class ContactBook {
  private static final ContactBook EMPTY = new ContactBook(new LongIntHashMap(0));
  private final LongIntHashMap numbers;

  private ContactBook(LongIntHashMap numbers) {
    this.numbers = numbers;
  }

  public static ContactBook of(Collection<PhoneNumber> numbers) {
    LongIntHashMap map = new LongIntHashMap(numbers.size());
    for (PhoneNumber n : numbers) {
      map.put(n.digits(), 1);
    }
    return new ContactBook(map);
  }

  public static ContactBook empty() {
    return EMPTY;
  }

  public boolean contains(PhoneNumber number) {
    return number != null && numbers.containsKey(number.digits());
  }

  public int size() {
    return numbers.size();
  }
}
