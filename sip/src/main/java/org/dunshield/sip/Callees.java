package org.dunshield.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dunshield.core.number.NumberParser;

/**
 * Maps the user part of a Request-URI to the Dunshield user whose rules apply: first the explicit
 * mapping (by the user part as written, or by its E.164 form), then the account whose
 * {@code own-number} setting is that number. The own numbers are read all at once and reloaded in
 * the background after the refresh interval, so a call costs a map lookup and a user who sets an
 * own number is found shortly after that interval. Thread-safe.
 */
final class Callees {
  private static final System.Logger LOG = System.getLogger(Callees.class.getName());
  private record Snapshot(Instant at, NumberParser numbers, Map<String, Long> byNumber) {}

  private final Map<String, Long> explicit;
  private final Supplier<Map<String, Long>> ownNumbers;
  private final Supplier<NumberParser> numbers;
  private final Clock clock;
  private final Duration refresh;
  private volatile Snapshot snapshot;
  private final AtomicBoolean reloading = new AtomicBoolean();

  /**
   * @param explicit callee user part (or number) to owner id
   * @param ownNumbers every own number (E.164) with its owner
   * @param numbers the parser for the installation's region (read at each refresh: it may change)
   */
  Callees(Map<String, Long> explicit, Supplier<Map<String, Long>> ownNumbers, Supplier<NumberParser> numbers,
      Clock clock, Duration refresh) {
    this.explicit = Map.copyOf(explicit);
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
    Snapshot s = current();
    String e164 = e164(s.numbers(), user);
    Long owner = e164 == null ? null : s.byNumber().get(e164);
    return owner == null ? OptionalLong.empty() : OptionalLong.of(owner);
  }

  /**
   * The current mappings. The first call loads them; afterwards a stale snapshot keeps serving while
   * one background thread reloads it (100,000 own numbers take a noticeable while to read, which
   * must not stall the screening thread).
   */
  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = load();
        }
        return snapshot;
      }
    }
    Instant now = clock.instant();
    if ((now.isBefore(s.at()) || Duration.between(s.at(), now).compareTo(refresh) >= 0)
        && reloading.compareAndSet(false, true)) {
      Snapshot latest = snapshot;
      if (latest != s) { // a reload finished between reading the snapshot and taking the flag
        reloading.set(false);
        return latest;
      }
      Thread reload = new Thread(() -> {
        try {
          snapshot = load();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "could not reload the own numbers, keeping the last ones: " + e);
        } finally {
          reloading.set(false);
        }
      }, "dunshield-sip-callees");
      reload.setDaemon(true);
      reload.start();
    }
    return s;
  }

  private Snapshot load() {
    Instant at = clock.instant();
    NumberParser parser = numbers.get();
    Map<String, Long> byNumber = new HashMap<>(ownNumbers.get());
    explicit.forEach((key, owner) -> {
      String e164 = e164(parser, key);
      if (e164 != null) {
        byNumber.put(e164, owner); // an explicit mapping wins over an own-number setting
      }
    });
    return new Snapshot(at, parser, byNumber);
  }

  private static String e164(NumberParser parser, String user) {
    try {
      return parser.parse(user).e164();
    } catch (IllegalArgumentException notANumber) { // InvalidNumberException included
      return null;
    }
  }
}
