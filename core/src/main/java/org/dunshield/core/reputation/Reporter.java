package org.dunshield.core.reputation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the reputation knows about a reporter: since when it reports, whether the operator vouches
 * for it (a verified bank, a moderator, the local user, an imported seed list), and how often its
 * reports agreed or disagreed with the settled view of a number. Trust is computed from these by
 * {@link ReputationPolicy#trust(Reporter, Instant)}.
 *
 * @param id the reporter's id
 * @param firstSeen when its first report was accepted
 * @param vouched whether the operator vouches for it
 * @param confirmed reports that agreed with a settled reputation
 * @param contradicted reports that disagreed with a settled reputation, a vouched reporter, or an upheld dispute
 */
public record Reporter(String id, Instant firstSeen, boolean vouched, int confirmed, int contradicted) {
  public Reporter {
    Report.validReporterId(id);
    firstSeen = Objects.requireNonNull(firstSeen, "firstSeen").truncatedTo(ChronoUnit.MILLIS);
    if (confirmed < 0 || contradicted < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** A reporter seen for the first time at {@code now}. */
  public static Reporter fresh(String id, Instant now) {
    return new Reporter(id, now, false, 0, 0);
  }

  public Reporter withVouched(boolean v) {
    return new Reporter(id, firstSeen, v, confirmed, contradicted);
  }

  public Reporter confirmedOnce() {
    return new Reporter(id, firstSeen, vouched, confirmed + 1, contradicted);
  }

  public Reporter contradictedOnce() {
    return new Reporter(id, firstSeen, vouched, confirmed, contradicted + 1);
  }
}
