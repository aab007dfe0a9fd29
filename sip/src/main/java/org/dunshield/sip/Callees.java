package org.dunshield.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dunshield.core.number.NumberParser;

/**
 * Maps the user part of a Request-URI to the Dunshield user whose rules apply: first the explicit
 * mapping (by the user part as written, or by its E.164 form), then the account whose
 * {@code own-number} setting is that number. Lookups are cached for the refresh interval, so a
 * user who sets an own number is found within it. Thread-safe.
 */
final class Callees {
  private record Cached(Instant at, OptionalLong owner) {}

  private final Map<String, Long> explicit;
  private final Function<String, OptionalLong> ownNumbers;
  private final Supplier<NumberParser> numbers;
  private final Clock clock;
  private final Duration refresh;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param explicit callee user part (or number) to owner id
   * @param ownNumbers the owner whose own number is the given E.164 number
   * @param numbers the parser for the installation's region (read each time: it may change)
   */
  Callees(Map<String, Long> explicit, Function<String, OptionalLong> ownNumbers,
      Supplier<NumberParser> numbers, Clock clock, Duration refresh) {
    this.explicit = new HashMap<>(explicit);
    this.ownNumbers = ownNumbers;
    this.numbers = numbers;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** The owner of {@code user}, or empty when nobody is mapped to it. */
  OptionalLong owner(String user) {
    if (user == null || user.isEmpty()) {
      return OptionalLong.empty();
    }
    Long direct = explicit.get(user);
    if (direct != null) {
      return OptionalLong.of(direct);
    }
    Instant now = clock.instant();
    Cached cached = cache.get(user);
    if (cached != null && !now.isBefore(cached.at()) && Duration.between(cached.at(), now).compareTo(refresh) < 0) {
      return cached.owner();
    }
    OptionalLong owner = lookUp(user);
    if (cache.size() > 100_000) {
      cache.clear(); // a flood of made-up callees must not grow the cache without bound
    }
    cache.put(user, new Cached(now, owner));
    return owner;
  }

  private OptionalLong lookUp(String user) {
    String e164;
    try {
      e164 = numbers.get().parse(user).e164();
    } catch (IllegalArgumentException e) { // InvalidNumberException included
      return OptionalLong.empty();
    }
    for (Map.Entry<String, Long> e : explicit.entrySet()) {
      if (e164.equals(normalised(e.getKey()))) {
        return OptionalLong.of(e.getValue());
      }
    }
    return ownNumbers.apply(e164);
  }

  private String normalised(String key) {
    try {
      return numbers.get().parse(key).e164();
    } catch (IllegalArgumentException e) { // InvalidNumberException included
      return null;
    }
  }
}
