package org.dunshield.core.contact;

import java.util.List;
import java.util.Objects;
import org.dunshield.core.number.PhoneNumber;

/** A person or place in the address book with one or more numbers. */
public record Contact(String name, List<PhoneNumber> numbers) {
  public Contact {
    name = name == null ? "" : name.strip();
    numbers = List.copyOf(Objects.requireNonNull(numbers, "numbers"));
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("contact '" + name + "' has no phone number");
    }
  }
}
