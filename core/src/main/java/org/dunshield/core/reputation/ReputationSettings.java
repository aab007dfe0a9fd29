package org.dunshield.core.reputation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How screening uses the reputation, kept per owner with the reports. Immutable; change one with
 * {@link #with(String, String)}.
 *
 * @param enabled whether the reputation check runs
 * @param threshold the score at which the check acts (also where labels settle), above 0 and at most 1
 * @param priority where the check runs among the others (default {@value ReputationCheck#DEFAULT_PRIORITY})
 * @param halfLifeDays a report's weight halves every this many days
 */
public record ReputationSettings(boolean enabled, double threshold, int priority, int halfLifeDays) {
  public static final String ENABLED = "enabled";
  public static final String THRESHOLD = "threshold";
  public static final String PRIORITY = "priority";
  public static final String HALF_LIFE_DAYS = "half-life-days";

  public ReputationSettings {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be above 0 and at most 1, got " + threshold);
    }
    if (priority < 0 || priority > 10_000) {
      throw new IllegalArgumentException("priority must be between 0 and 10000, got " + priority);
    }
    if (halfLifeDays < 1 || halfLifeDays > 3650) {
      throw new IllegalArgumentException("half-life-days must be between 1 and 3650, got " + halfLifeDays);
    }
  }

  /** On, threshold 0.6, priority 550, half-life 90 days. */
  public static ReputationSettings defaults() {
    ReputationPolicy p = ReputationPolicy.defaults();
    return new ReputationSettings(true, p.threshold(), ReputationCheck.DEFAULT_PRIORITY, (int) p.halfLife().toDays());
  }

  /** The model's policy with these settings' threshold and half-life. */
  public ReputationPolicy policy() {
    return ReputationPolicy.defaults().withThreshold(threshold).withHalfLife(Duration.ofDays(halfLifeDays));
  }

  /**
   * A copy with one key changed.
   *
   * @throws IllegalArgumentException naming the key and the problem
   */
  public ReputationSettings with(String key, String value) {
    String v = value.trim();
    return switch (key.trim().toLowerCase(Locale.ROOT)) {
      case ENABLED -> new ReputationSettings(bool(key, v), threshold, priority, halfLifeDays);
      case THRESHOLD -> new ReputationSettings(enabled, number(key, v), priority, halfLifeDays);
      case PRIORITY -> new ReputationSettings(enabled, threshold, (int) whole(key, v), halfLifeDays);
      case HALF_LIFE_DAYS -> new ReputationSettings(enabled, threshold, priority, (int) whole(key, v));
      default -> throw new IllegalArgumentException("unknown reputation setting '" + key + "'; expected one of "
          + asMap().keySet());
    };
  }

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ENABLED, Boolean.toString(enabled));
    m.put(THRESHOLD, Double.toString(threshold));
    m.put(PRIORITY, Integer.toString(priority));
    m.put(HALF_LIFE_DAYS, Integer.toString(halfLifeDays));
    return m;
  }

  /** Settings from stored pairs; unknown keys (from a newer version) are ignored, missing ones default. */
  public static ReputationSettings fromMap(Map<String, String> stored) {
    ReputationSettings s = defaults();
    for (String key : s.asMap().keySet()) {
      String v = stored.get(key);
      if (v != null) {
        s = s.with(key, v);
      }
    }
    return s;
  }

  private static boolean bool(String key, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }

  private static double number(String key, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number such as 0.6, got '" + v + "'");
    }
  }

  private static long whole(String key, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
    }
  }
}
