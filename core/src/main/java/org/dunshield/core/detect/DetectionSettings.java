package org.dunshield.core.detect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.classify.SmsPolicy;

/**
 * How the detectors judge: thresholds, windows and switches, with documented defaults
 * ({@link #defaults()}). Changed one key at a time with {@link #with(String, String)}, using the keys
 * a {@code detection.properties} file uses (see {@link #asMap()}). Immutable.
 *
 * @param callBombing when calls from many numbers are an attack
 * @param smsBombing when verification codes from many senders are an attack
 * @param redial when repeated calls from one number or block are labelled and blocked
 * @param oneRing whether unknown international callers are treated as one-ring (wangiri) calls
 * @param smsContent whether the SMS classifier decides about message content
 * @param smsPolicy what happens to a classified message
 */
public record DetectionSettings(Burst callBombing, Burst smsBombing, Redial redial, boolean oneRing,
    boolean smsContent, SmsPolicy smsPolicy) {

  public DetectionSettings {
    Objects.requireNonNull(callBombing, "callBombing");
    Objects.requireNonNull(smsBombing, "smsBombing");
    Objects.requireNonNull(redial, "redial");
    Objects.requireNonNull(smsPolicy, "smsPolicy");
  }

  public static DetectionSettings defaults() {
    return new DetectionSettings(Burst.callBombingDefaults(), Burst.smsBombingDefaults(), Redial.defaults(), true, true,
        SmsPolicy.defaults());
  }

  /** Every setting as key and text value, in a stable order (what {@code detection.properties} holds). */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    burst(m, "call-bombing", "calls", "numbers", callBombing);
    burst(m, "sms-bombing", "codes", "senders", smsBombing);
    m.put("redial.enabled", Boolean.toString(redial.enabled()));
    m.put("redial.label-from", Integer.toString(redial.labelFrom()));
    m.put("redial.daily-limit", Integer.toString(redial.dailyLimit()));
    m.put("redial.block-digits", Integer.toString(redial.blockDigits()));
    m.put("one-ring.enabled", Boolean.toString(oneRing));
    m.put("sms-content.enabled", Boolean.toString(smsContent));
    m.put("sms-content.block-confidence", Double.toString(smsPolicy.blockConfidence()));
    return m;
  }

  private static void burst(Map<String, String> m, String prefix, String events, String sources, Burst b) {
    m.put(prefix + ".enabled", Boolean.toString(b.enabled()));
    m.put(prefix + ".min-" + events, Integer.toString(b.minEvents()));
    m.put(prefix + ".min-" + sources, Integer.toString(b.minSources()));
    m.put(prefix + ".window", b.window().toString());
    m.put(prefix + ".cooldown", b.cooldown().toString());
  }

  /** Settings from stored key/value pairs; missing keys keep their defaults. */
  public static DetectionSettings fromMap(Map<String, String> stored) {
    DetectionSettings s = defaults();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      s = s.with(e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * A copy with one key changed. Durations are ISO-8601 ({@code PT2M}) or a number with a unit
   * ({@code 90s}, {@code 2m}, {@code 1h}).
   *
   * @throws IllegalArgumentException naming the key and the problem
   */
  public DetectionSettings with(String key, String value) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    String v = value.trim();
    Burst c = callBombing;
    Burst s = smsBombing;
    Redial r = redial;
    switch (k) {
      case "call-bombing.enabled" -> c = new Burst(bool(k, v), c.minEvents(), c.minSources(), c.window(), c.cooldown());
      case "call-bombing.min-calls" -> c = new Burst(c.enabled(), integer(k, v), c.minSources(), c.window(), c.cooldown());
      case "call-bombing.min-numbers" -> c = new Burst(c.enabled(), c.minEvents(), integer(k, v), c.window(), c.cooldown());
      case "call-bombing.window" -> c = new Burst(c.enabled(), c.minEvents(), c.minSources(), duration(k, v), c.cooldown());
      case "call-bombing.cooldown" -> c = new Burst(c.enabled(), c.minEvents(), c.minSources(), c.window(), duration(k, v));
      case "sms-bombing.enabled" -> s = new Burst(bool(k, v), s.minEvents(), s.minSources(), s.window(), s.cooldown());
      case "sms-bombing.min-codes" -> s = new Burst(s.enabled(), integer(k, v), s.minSources(), s.window(), s.cooldown());
      case "sms-bombing.min-senders" -> s = new Burst(s.enabled(), s.minEvents(), integer(k, v), s.window(), s.cooldown());
      case "sms-bombing.window" -> s = new Burst(s.enabled(), s.minEvents(), s.minSources(), duration(k, v), s.cooldown());
      case "sms-bombing.cooldown" -> s = new Burst(s.enabled(), s.minEvents(), s.minSources(), s.window(), duration(k, v));
      case "redial.enabled" -> r = new Redial(bool(k, v), r.labelFrom(), r.dailyLimit(), r.blockDigits());
      case "redial.label-from" -> r = new Redial(r.enabled(), integer(k, v), r.dailyLimit(), r.blockDigits());
      case "redial.daily-limit" -> r = new Redial(r.enabled(), r.labelFrom(), integer(k, v), r.blockDigits());
      case "redial.block-digits" -> r = new Redial(r.enabled(), r.labelFrom(), r.dailyLimit(), integer(k, v));
      case "one-ring.enabled" -> {
        return new DetectionSettings(c, s, r, bool(k, v), smsContent, smsPolicy);
      }
      case "sms-content.enabled" -> {
        return new DetectionSettings(c, s, r, oneRing, bool(k, v), smsPolicy);
      }
      case "sms-content.block-confidence" -> {
        return new DetectionSettings(c, s, r, oneRing, smsContent, new SmsPolicy(decimal(k, v)));
      }
      default -> throw new IllegalArgumentException("unknown detection setting '" + key + "'; expected one of "
          + asMap().keySet());
    }
    return new DetectionSettings(c, s, r, oneRing, smsContent, smsPolicy);
  }

  private static boolean bool(String key, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
    }
  }

  private static double decimal(String key, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
    }
  }

  static Duration duration(String key, String v) {
    String t = v.toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt") || t.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(key + " must be a duration such as 90s, 2m, 1h or PT2M, got '" + v + "'");
    }
  }
}
