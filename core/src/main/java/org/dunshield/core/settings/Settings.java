package org.dunshield.core.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.number.NumberParser;

/**
 * Screening settings. Immutable; change one with {@link #with(String, String)}.
 *
 * @param mode how strict screening is
 * @param blockHidden block hidden, unknown and payphone callers
 * @param repeatAllowMinutes a stranger calling again within this many minutes gets through once (0 = off)
 * @param dialledAllowDays a number the user called within this many days gets through (0 = off)
 * @param serviceAllow emergency and service numbers (95xxx, 100xx, 12xxx) are not blocked by modes
 * @param region default region for numbers written without a country code (ISO 3166, e.g. CN)
 * @param timezone the user's time zone, for schedules and reports
 * @param ownNumber the user's own number in E.164, for complaints ("" when not set)
 */
public record Settings(
    Mode mode,
    boolean blockHidden,
    int repeatAllowMinutes,
    int dialledAllowDays,
    boolean serviceAllow,
    String region,
    ZoneId timezone,
    String ownNumber) {

  /** Keys accepted by {@link #with(String, String)}, as the CLI and the store name them. */
  public static final String MODE = "mode";
  public static final String BLOCK_HIDDEN = "block-hidden";
  public static final String REPEAT_ALLOW_MINUTES = "repeat-allow-minutes";
  public static final String DIALED_ALLOW_DAYS = "dialed-allow-days";
  public static final String SERVICE_ALLOW = "service-allow";
  public static final String REGION = "region";
  public static final String TIMEZONE = "timezone";
  public static final String OWN_NUMBER = "own-number";

  public Settings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(timezone, "timezone");
    ownNumber = ownNumber == null ? "" : ownNumber;
    if (repeatAllowMinutes < 0 || repeatAllowMinutes > 24 * 60) {
      throw new IllegalArgumentException("repeat-allow-minutes must be between 0 and 1440, got " + repeatAllowMinutes);
    }
    if (dialledAllowDays < 0 || dialledAllowDays > 3650) {
      throw new IllegalArgumentException("dialed-allow-days must be between 0 and 3650, got " + dialledAllowDays);
    }
  }

  /** Settings without an own number (the form before {@code own-number} existed). */
  public Settings(Mode mode, boolean blockHidden, int repeatAllowMinutes, int dialledAllowDays, boolean serviceAllow,
      String region, ZoneId timezone) {
    this(mode, blockHidden, repeatAllowMinutes, dialledAllowDays, serviceAllow, region, timezone, "");
  }

  /** The defaults: standard mode, hidden callers ring, 3-minute repeat exception, 7-day dialled exception, CN. */
  public static Settings defaults() {
    return new Settings(Mode.STANDARD, false, 3, 7, true, "CN", ZoneId.of("Asia/Shanghai"));
  }

  /**
   * A copy with one key changed.
   *
   * @throws IllegalArgumentException naming the key and the problem when the key is unknown or the value invalid
   */
  public Settings with(String key, String value) {
    Objects.requireNonNull(value, "value");
    String v = value.trim();
    return switch (key.trim().toLowerCase(Locale.ROOT)) {
      case MODE -> new Settings(Mode.fromCode(v), blockHidden, repeatAllowMinutes, dialledAllowDays, serviceAllow, region, timezone, ownNumber);
      case BLOCK_HIDDEN -> new Settings(mode, bool(key, v), repeatAllowMinutes, dialledAllowDays, serviceAllow, region, timezone, ownNumber);
      case REPEAT_ALLOW_MINUTES -> new Settings(mode, blockHidden, integer(key, v), dialledAllowDays, serviceAllow, region, timezone, ownNumber);
      case DIALED_ALLOW_DAYS -> new Settings(mode, blockHidden, repeatAllowMinutes, integer(key, v), serviceAllow, region, timezone, ownNumber);
      case SERVICE_ALLOW -> new Settings(mode, blockHidden, repeatAllowMinutes, dialledAllowDays, bool(key, v), region, timezone, ownNumber);
      case REGION -> new Settings(mode, blockHidden, repeatAllowMinutes, dialledAllowDays, serviceAllow,
          NumberParser.forRegion(v).region(), timezone, ownNumber);
      case TIMEZONE -> new Settings(mode, blockHidden, repeatAllowMinutes, dialledAllowDays, serviceAllow, region, zone(v), ownNumber);
      case OWN_NUMBER -> new Settings(mode, blockHidden, repeatAllowMinutes, dialledAllowDays, serviceAllow, region,
          timezone, v.isEmpty() ? "" : NumberParser.forRegion(region).parse(v).e164());
      default -> throw new IllegalArgumentException("unknown setting '" + key + "'; expected one of " + asMap().keySet());
    };
  }

  /** Every setting as key and text value, in a stable order (what {@code settings show} prints and the store keeps). */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(MODE, mode.code());
    map.put(BLOCK_HIDDEN, Boolean.toString(blockHidden));
    map.put(REPEAT_ALLOW_MINUTES, Integer.toString(repeatAllowMinutes));
    map.put(DIALED_ALLOW_DAYS, Integer.toString(dialledAllowDays));
    map.put(SERVICE_ALLOW, Boolean.toString(serviceAllow));
    map.put(REGION, region);
    map.put(TIMEZONE, timezone.getId());
    map.put(OWN_NUMBER, ownNumber);
    return map;
  }

  /** Settings from stored key/value pairs; missing keys take their defaults. */
  public static Settings fromMap(Map<String, String> stored) {
    Settings s = defaults();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      s = s.with(e.getKey(), e.getValue());
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

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
    }
  }

  private static ZoneId zone(String v) {
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("timezone must be an IANA zone such as Asia/Shanghai, got '" + v + "'");
    }
  }
}
