package org.dunshield.core.carrier;

import java.time.Duration;
import java.util.Objects;
import org.dunshield.core.detect.Burst;

/**
 * How carrier-side detection judges. The bombing thresholds are the phone-side {@link Burst} (the
 * same record the handset detector uses), tuned for a network: the callee's own contacts never
 * count. Immutable; {@link #defaults()} documents every value.
 *
 * @param bombing when calls from many strangers to one subscriber are an attack
 * @param serviceLineRate inbound calls (decayed with a 6 h half-life) above which a callee is a
 *     service line (a bank's or hospital's number) and never "bombed" — the learned profile
 * @param contactTalkSeconds an answered call at least this long makes the caller a contact of the callee
 * @param contacts how many recent contacts each subscriber remembers
 * @param oneRingMaxRing longest ring, in seconds, of a call the caller cancels that counts as one-ring
 * @param oneRingMinCalls one-ring calls within the day window before a number is a one-ring source
 * @param telemarketingMinCallees distinct callees within the day window before telemarketing is judged
 * @param telemarketingMaxAnswer answer ratio at or below which high volume is telemarketing
 * @param telemarketingMinShort share of short calls (unanswered or under 15 s) at or above which it is
 * @param legitMinAnswer answer ratio of the legitimate high-volume profile
 * @param legitMinMeanTalk mean talk seconds of answered calls of the legitimate profile
 * @param circleMin callees sharing one contact (someone's address book) before blasting is judged
 * @param circleMinShare the share of the day's distinct callees that circle must be
 * @param collectorMinCallees distinct callees within the day window of an address-book blaster
 * @param socialMinAnswer answer ratio from which calls into a circle look social, not collection
 * @param socialMinMeanTalk mean talk seconds from which they look social (both must hold)
 * @param complaintsToFreeze complaints (joined from the reputation store) that raise a flag to freeze
 * @param freezeScore score at or above which the recommendation is to freeze the number
 * @param idle state of a number idle this long (event time) is dropped
 * @param nightStartHour first hour of the night, in the network's local time
 * @param nightEndHour first hour of the morning
 * @param zoneOffsetHours the network's offset from UTC (China: 8)
 */
public record CarrierSettings(Burst bombing, double serviceLineRate, int contactTalkSeconds, int contacts,
    int oneRingMaxRing, int oneRingMinCalls, int telemarketingMinCallees, double telemarketingMaxAnswer,
    double telemarketingMinShort, double legitMinAnswer, int legitMinMeanTalk, int circleMin, double circleMinShare,
    int collectorMinCallees, double socialMinAnswer, int socialMinMeanTalk, int complaintsToFreeze, double freezeScore, Duration idle, int nightStartHour,
    int nightEndHour, int zoneOffsetHours) implements java.io.Serializable {

  /** The sliding day of per-caller features: {@link #BUCKETS} buckets of {@link #BUCKET_MS}. */
  public static final long BUCKET_MS = Duration.ofHours(2).toMillis();
  public static final int BUCKETS = 12;
  public static final long DAY_MS = BUCKET_MS * BUCKETS;
  /** A call shorter than this (or unanswered) is short. */
  public static final int SHORT_TALK_SECONDS = 15;

  public CarrierSettings {
    Objects.requireNonNull(bombing, "bombing");
    Objects.requireNonNull(idle, "idle");
    if (contacts < 1 || contacts > 64) {
      throw new IllegalArgumentException("contacts must be between 1 and 64, got " + contacts);
    }
    if (idle.compareTo(Duration.ofMillis(DAY_MS)) < 0) {
      throw new IllegalArgumentException("idle must be at least a day (the feature window), got " + idle);
    }
    if (circleMin < 2) {
      throw new IllegalArgumentException("a circle needs at least 2 callees, got " + circleMin);
    }
    if (nightStartHour < 0 || nightStartHour > 23 || nightEndHour < 0 || nightEndHour > 23) {
      throw new IllegalArgumentException("night hours must be 0 to 23");
    }
  }

  /**
   * Bombing: 6 calls from 5 strangers within 60 s, over after 10 quiet minutes; service lines above a
   * decayed inbound count of 150; contacts are callers of answered calls of 20 s or more, 12 kept;
   * one-ring: ring of 4 s at most, 20 in a day; telemarketing: 40 distinct callees a day, answer
   * ratio ≤ 45 %, short calls ≥ 60 %; legitimate profile: answer ratio ≥ 55 % or mean talk ≥ 30 s;
   * address-book blasting: 5 callees sharing one contact and at least 10 % of the day's 12+ callees,
   * unless the calls look social (over 65 % answered and a mean talk of 90 s or more);
   * 3 complaints raise to freeze; freeze at score 0.8; idle state dropped after 3 days; night 22–07 at
   * UTC+8.
   */
  public static CarrierSettings defaults() {
    return new CarrierSettings(new Burst(true, 6, 5, Duration.ofSeconds(60), Duration.ofMinutes(10)), 150, 20, 12,
        4, 20, 40, 0.45, 0.6, 0.55, 30, 5, 0.1, 12, 0.65, 90, 3, 0.8, Duration.ofDays(3), 22, 7, 8);
  }

  boolean night(long epochMillis) {
    long hour = Math.floorMod(epochMillis / 3_600_000L + zoneOffsetHours, 24L);
    return nightStartHour > nightEndHour ? hour >= nightStartHour || hour < nightEndHour
        : hour >= nightStartHour && hour < nightEndHour;
  }
}
