package org.dunshield.core.history;

import java.time.Instant;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.PhoneNumber;

/**
 * What the screening checks may ask about the past. Implemented by the store (live screening) and
 * by {@link InMemoryHistory} (replay, tests, benchmarks); both must answer alike, which the store's
 * contract test and {@code InMemoryHistoryTest} check.
 */
public interface RecentActivity {
  /** Incoming calls from {@code number} at or after {@code since} and strictly before {@code until}, oldest first. */
  List<HistoryEntry> callsFrom(PhoneNumber number, Instant since, Instant until);

  /** Whether the user called {@code number} at or after {@code since} and strictly before {@code until}. */
  boolean dialled(PhoneNumber number, Instant since, Instant until);

  /**
   * The calls the user made, to any number, at or after {@code since} and strictly before
   * {@code until}, oldest first (ties in the order they were recorded). Live screening keeps the
   * numbers in memory instead of asking {@link #dialled} on every call.
   */
  List<HistoryEntry> dialledCalls(Instant since, Instant until);

  /**
   * Incoming events of {@code channel} from every caller or sender, hidden ones included, at or after
   * {@code since} and strictly before {@code until}, oldest first (ties in the order they were
   * recorded). The detectors read their recent past with it (call and SMS bombing, number blocks).
   */
  List<HistoryEntry> incoming(Channel channel, Instant since, Instant until);
}
