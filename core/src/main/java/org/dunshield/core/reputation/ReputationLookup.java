package org.dunshield.core.reputation;

import java.time.Instant;
import org.dunshield.core.number.PhoneNumber;

/**
 * Where the screening check looks numbers up: the stored reports ({@link Reputations}) or an offline
 * snapshot ({@link org.dunshield.core.reputation.offline.ReputationIndex}). Implementations are
 * thread-safe and never record who looked up what.
 */
@FunctionalInterface
public interface ReputationLookup {
  /** What is known about {@code number} at {@code at}; never {@code null} (see {@link Reputation#unknown}). */
  Reputation lookup(PhoneNumber number, Instant at);

  /** Asks {@code this}, and {@code next} when {@code this} has no settled label at {@code threshold}. */
  default ReputationLookup orElse(ReputationLookup next, double threshold) {
    return (number, at) -> {
      Reputation first = lookup(number, at);
      if (first.settled(threshold)) {
        return first;
      }
      Reputation second = next.lookup(number, at);
      return second.settled(threshold) ? second : first;
    };
  }
}
