package org.dunshield.core.campaign;

import java.time.Duration;
import java.util.Objects;

/**
 * When numbers are linked: same number except the last {@code blockDigits} digits (0: never);
 * messages whose normalised 3-grams overlap by at least {@code templateSimilarity}; calls from two
 * numbers within {@code timingGap} of each other on at least {@code timingRepeats} occasions an
 * hour or more apart (numbers of one bombing incident are always linked). Immutable.
 */
public record CampaignSettings(int blockDigits, double templateSimilarity, Duration timingGap, int timingRepeats) {
  public CampaignSettings {
    Objects.requireNonNull(timingGap, "timingGap");
    if (blockDigits < 0 || blockDigits > 4) {
      throw new IllegalArgumentException("block digits must be between 0 and 4, got " + blockDigits);
    }
    if (!(templateSimilarity > 0 && templateSimilarity <= 1)) {
      throw new IllegalArgumentException("template similarity must be above 0 and at most 1, got " + templateSimilarity);
    }
    if (timingRepeats < 2) {
      throw new IllegalArgumentException("timing needs at least 2 occasions, got " + timingRepeats);
    }
  }

  /** Blocks of 1,000 numbers, 60 % template overlap, turns within 2 minutes seen twice. */
  public static CampaignSettings defaults() {
    return new CampaignSettings(3, 0.6, Duration.ofMinutes(2), 2);
  }
}
