package org.dunshield.core.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * When a burst is an attack: at least {@code minEvents} events from at least {@code minSources}
 * distinct numbers within {@code window}. The attack lasts while such events keep coming, and ends
 * {@code cooldown} after the last one. Immutable.
 */
public record Burst(boolean enabled, int minEvents, int minSources, Duration window, Duration cooldown)
    implements java.io.Serializable {
  /** How many recent events per callee a detector keeps: enough to judge any threshold up to this. */
  static final int MAX_THRESHOLD = 64;

  public Burst {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(cooldown, "cooldown");
    if (minEvents < 2 || minEvents > MAX_THRESHOLD) {
      throw new IllegalArgumentException("a burst needs between 2 and " + MAX_THRESHOLD + " events, got " + minEvents);
    }
    if (minSources < 1 || minSources > minEvents) {
      throw new IllegalArgumentException("distinct numbers must be between 1 and the number of events, got " + minSources);
    }
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("the burst window must be positive and at most a day, got " + window);
    }
    if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("the cooldown must be between 0 and a day, got " + cooldown);
    }
  }

  /** Call bombing: 5 calls from 4 numbers within 2 minutes; the attack ends after 10 quiet minutes. */
  public static Burst callBombingDefaults() {
    return new Burst(true, 5, 4, Duration.ofMinutes(2), Duration.ofMinutes(10));
  }

  /** SMS bombing: 5 verification codes from 4 senders within 10 minutes; ends after 30 quiet minutes. */
  public static Burst smsBombingDefaults() {
    return new Burst(true, 5, 4, Duration.ofMinutes(10), Duration.ofMinutes(30));
  }

  /** How far back live screening reads history to rebuild the state: two windows and the cooldown. */
  public Duration lookback() {
    return window.multipliedBy(2).plus(cooldown);
  }
}
