package org.dunshield.core.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.PhoneNumber;

/**
 * A harassment campaign: its events are those with {@code from <= at < to} (either bound may be
 * {@code null}) from one of {@code numbers} (any number when the list is empty). Immutable;
 * {@code id} is 0 until stored.
 */
public record Case(long id, String name, List<PhoneNumber> numbers, Instant from, Instant to, Instant createdAt) {
  public static final int MAX_NAME = 200;

  public Case {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    name = name.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a case name must have 1 to " + MAX_NAME + " characters");
    }
    if (name.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("a case name must not be all digits (digits name a case by id): '" + name + "'");
    }
    numbers = List.copyOf(numbers.stream().distinct().toList());
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("a case's --from must be before its --to");
    }
  }

  /** Whether {@code event} belongs to this case. */
  public boolean includes(Event event) {
    if (from != null && event.at().isBefore(from) || to != null && !event.at().isBefore(to)) {
      return false;
    }
    return numbers.isEmpty() || event.number() != null && numberSet().contains(event.number().e164());
  }

  private Set<String> numberSet() {
    return numbers.stream().map(PhoneNumber::e164).collect(Collectors.toUnmodifiableSet());
  }

  public Case withId(long newId) {
    return new Case(newId, name, numbers, from, to, createdAt);
  }
}
