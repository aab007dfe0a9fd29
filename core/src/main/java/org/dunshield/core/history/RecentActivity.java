package org.dunshield.core.history;

import java.time.Instant;
import java.util.List;
import org.dunshield.core.number.PhoneNumber;

/**
 * What the screening checks may ask about the past. Implemented by the store (live screening) and
 * by {@link InMemoryHistory} (replay, tests, benchmarks).
 */
public interface RecentActivity {
  /** Incoming calls from {@code number} at or after {@code since} and strictly before {@code until}, oldest first. */
  List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until);

  /** Whether the user called {@code number} at or after {@code since} and strictly before {@code until}. */
  boolean dialled(PhoneNumber number, Instant since, Instant until);
}
