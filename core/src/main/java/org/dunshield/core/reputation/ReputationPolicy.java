package org.dunshield.core.reputation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The numbers behind the reputation model, with the defaults {@code docs/reputation.md} explains.
 * Immutable; change one with the {@code with...} methods.
 *
 * @param halfLife a report's weight halves every half-life (default 90 days)
 * @param threshold the score at which a label is settled and screening acts on it (default 0.6)
 * @param prior evidence needed before a score can rise: score = E / (E + other + prior) (default 0.5)
 * @param saturation at most this much undecayed evidence per polarity counts; more reporters add
 *     confidence in the count, not youth to old reports (default 5)
 * @param newcomerTrust the trust of a reporter on its first day (default 0.1)
 * @param establishedTrust the trust an unvouched reporter reaches after {@code maturity} (default 0.6);
 *     vouched reporters have 1
 * @param maturity how long a reporter is a newcomer (default 30 days)
 * @param newcomerPool all newcomers' reports on one number together weigh at most this (default 0.5)
 * @param contradictionPenalty trust falls as (1 + confirmed) / (1 + confirmed + penalty × contradicted) (default 2)
 * @param newcomerDailyLimit distinct numbers a newcomer may report in 24 hours (default 20)
 * @param dailyLimit distinct numbers an established, unvouched reporter may report in 24 hours (default 100)
 * @param duplicateWindow the same report repeated within this time is refused as a duplicate (default 24 hours)
 * @param minFlaggedPer100 settled harmful numbers that label a block of 100 (default 4)
 * @param minFlaggedPer10000 settled harmful numbers that label a block of 10,000 (default 25)
 * @param blockBenignRatio a block is labelled only while its harmful numbers outnumber its benign ones this many times (default 4)
 */
public record ReputationPolicy(
    Duration halfLife,
    double threshold,
    double prior,
    double saturation,
    double newcomerTrust,
    double establishedTrust,
    Duration maturity,
    double newcomerPool,
    double contradictionPenalty,
    int newcomerDailyLimit,
    int dailyLimit,
    Duration duplicateWindow,
    int minFlaggedPer100,
    int minFlaggedPer10000,
    double blockBenignRatio) {

  public ReputationPolicy {
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(maturity, "maturity");
    Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("the half-life must be positive, got " + halfLife);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the threshold must be above 0 and at most 1, got " + threshold);
    }
    if (!(prior > 0) || !(saturation > 0) || !(newcomerPool > 0) || !(contradictionPenalty >= 0)) {
      throw new IllegalArgumentException("prior, saturation and newcomer pool must be positive");
    }
    if (!(newcomerTrust > 0 && newcomerTrust <= establishedTrust && establishedTrust <= 1)) {
      throw new IllegalArgumentException("need 0 < newcomer trust <= established trust <= 1");
    }
    if (newcomerDailyLimit < 1 || dailyLimit < 1 || minFlaggedPer100 < 1 || minFlaggedPer10000 < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
  }

  /** The documented defaults. */
  public static ReputationPolicy defaults() {
    return new ReputationPolicy(Duration.ofDays(90), 0.6, 0.5, 5.0, 0.1, 0.6, Duration.ofDays(30), 0.5, 2.0,
        20, 100, Duration.ofHours(24), 4, 25, 4.0);
  }

  public ReputationPolicy withHalfLife(Duration value) {
    return new ReputationPolicy(value, threshold, prior, saturation, newcomerTrust, establishedTrust, maturity,
        newcomerPool, contradictionPenalty, newcomerDailyLimit, dailyLimit, duplicateWindow, minFlaggedPer100,
        minFlaggedPer10000, blockBenignRatio);
  }

  public ReputationPolicy withThreshold(double value) {
    return new ReputationPolicy(halfLife, value, prior, saturation, newcomerTrust, establishedTrust, maturity,
        newcomerPool, contradictionPenalty, newcomerDailyLimit, dailyLimit, duplicateWindow, minFlaggedPer100,
        minFlaggedPer10000, blockBenignRatio);
  }

  public ReputationPolicy withDailyLimits(int newcomers, int established) {
    return new ReputationPolicy(halfLife, threshold, prior, saturation, newcomerTrust, establishedTrust, maturity,
        newcomerPool, contradictionPenalty, newcomers, established, duplicateWindow, minFlaggedPer100,
        minFlaggedPer10000, blockBenignRatio);
  }

  public ReputationPolicy withBlockMinimums(int per100, int per10000) {
    return new ReputationPolicy(halfLife, threshold, prior, saturation, newcomerTrust, establishedTrust, maturity,
        newcomerPool, contradictionPenalty, newcomerDailyLimit, dailyLimit, duplicateWindow, per100, per10000,
        blockBenignRatio);
  }

  /** Whether {@code reporter} is still a newcomer at {@code now}: not vouched and younger than {@link #maturity()}. */
  public boolean newcomer(Reporter reporter, Instant now) {
    return !reporter.vouched() && Duration.between(reporter.firstSeen(), now).compareTo(maturity) < 0;
  }

  /**
   * The trust of {@code reporter} at {@code now}, in (0, 1]: 1 when vouched; otherwise rising from
   * {@link #newcomerTrust()} to {@link #establishedTrust()} over {@link #maturity()}, times the
   * share of its judged reports that held up.
   */
  public double trust(Reporter reporter, Instant now) {
    if (reporter.vouched()) {
      return 1.0;
    }
    double age = Math.max(0, Duration.between(reporter.firstSeen(), now).toMillis());
    double grown = Math.min(1.0, age / maturity.toMillis());
    double seniority = newcomerTrust + (establishedTrust - newcomerTrust) * grown;
    double accuracy = (1.0 + reporter.confirmed())
        / (1.0 + reporter.confirmed() + contradictionPenalty * reporter.contradicted());
    return seniority * accuracy;
  }

  /** The weight left of a report {@code age} old: 0.5^(age / half-life); 1 for reports from the future. */
  public double decay(Duration age) {
    if (age.isNegative() || age.isZero()) {
      return 1.0;
    }
    return Math.pow(0.5, (double) age.toMillis() / halfLife.toMillis());
  }

  /** How many distinct numbers {@code reporter} may report in 24 hours, or {@link Integer#MAX_VALUE} when vouched. */
  public int dailyLimit(Reporter reporter, Instant now) {
    if (reporter.vouched()) {
      return Integer.MAX_VALUE;
    }
    return newcomer(reporter, now) ? newcomerDailyLimit : dailyLimit;
  }
}
