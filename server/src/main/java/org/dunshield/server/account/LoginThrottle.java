package org.dunshield.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one user name, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are
 * refused until the oldest failure leaves the window. Counts live in memory (a restart forgives);
 * at most {@value #MAX_KEYS} keys are kept, oldest dropped first. Time comes from the clock.
 * Thread-safe.
 */
public final class LoginThrottle {
  public static final int MAX_FAILURES = 5;
  public static final int MAX_FAILURES_PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long until {@code username} from {@code address} may try again; zero when it may now. */
  public synchronized Duration wait(String username, String address) {
    Instant now = clock.instant();
    Duration user = wait("u:" + username, MAX_FAILURES, now);
    Duration addr = wait("a:" + address, MAX_FAILURES_PER_ADDRESS, now);
    return user.compareTo(addr) >= 0 ? user : addr;
  }

  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent("u:" + username, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful sign-in clears the user name's failures (not the address's). */
  public synchronized void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private Duration wait(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    Instant cutoff = now.minus(WINDOW);
    for (Iterator<Instant> it = times.iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(cutoff)) {
        it.remove();
      } else {
        break;
      }
    }
    if (times.size() < max) {
      return Duration.ZERO;
    }
    return Duration.between(cutoff, times.peekFirst());
  }
}
