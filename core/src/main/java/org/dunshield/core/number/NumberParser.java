package org.dunshield.core.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Turns what people and phones write ({@code 138 0013 8000}, {@code +86 138-0013-8000},
 * {@code 0086138...}, {@code (021) 5555 0101}, {@code 95588}) into a {@link PhoneNumber}.
 *
 * <p>libphonenumber does the real work. Its general parser costs microseconds, so common Chinese
 * shapes take a fast path that remembers libphonenumber's answer the first time it sees a shape:
 * <ul>
 *   <li>eleven-digit mobiles: the kind depends only on the first seven digits;
 *   <li>landlines written with the trunk 0, {@code +86} or {@code 0086} ({@code 010-62345678},
 *       {@code (0755) 8888 1234}) and ten-digit 400/800 lines: the kind depends only on the first
 *       eight national digits and the length (CN's metadata looks at most seven digits deep);
 *   <li>short numbers of three to six bare digits ({@code 95588}, {@code 10086}): remembered whole.
 * </ul>
 * Property-based tests prove both paths give the same result.
 *
 * <p>Thread-safe; one instance per default region is enough.
 */
public final class NumberParser {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();
  private static final NumberBlocks BLOCKS = NumberBlocks.load();
  private static final int MAX_INPUT = 64;
  private static final int CN = 86;
  private static final NumberKind[] KINDS = NumberKind.values();
  private static final int MAX_LANDLINE_KEYS = 1 << 16;
  private static final int MAX_SHORT_NUMBERS = 10_000;
  private static final ConcurrentHashMap<String, NumberParser> BY_REGION = new ConcurrentHashMap<>();

  private final String region;
  private final int regionCountryCode;
  private final boolean fastPath;
  /** Per seven-digit prefix 1000000..1999999: 0 unknown, else NumberKind ordinal + 1. */
  private final AtomicIntegerArray mobileKinds;
  /** Landline shapes: (first eight national digits * 4 + length - 9) to 0 (use the slow path) or kind ordinal + 1. */
  private final ConcurrentHashMap<Integer, Byte> landlineKinds = new ConcurrentHashMap<>();
  /** Short numbers by their digits, exactly as libphonenumber parsed them. */
  private final ConcurrentHashMap<String, PhoneNumber> shortNumbers = new ConcurrentHashMap<>();

  private NumberParser(String region) {
    this.region = region;
    this.regionCountryCode = UTIL.getCountryCodeForRegion(region);
    this.fastPath = regionCountryCode == CN;
    this.mobileKinds = fastPath ? new AtomicIntegerArray(1_000_000) : null;
  }

  /**
   * The parser whose default region (for numbers written without a country code) is {@code region};
   * one shared instance per region.
   */
  public static NumberParser forRegion(String region) {
    Objects.requireNonNull(region, "region");
    String upper = region.trim().toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(upper)) {
      throw new IllegalArgumentException("unknown region '" + region + "'; use an ISO 3166 code such as CN or US");
    }
    // shared: a CN parser carries a 4 MB mobile-prefix cache, and live screening asks for one per
    // account and refresh (thousands of accounts in one server or SIP service)
    return BY_REGION.computeIfAbsent(upper, NumberParser::new);
  }

  public String region() {
    return region;
  }

  /** The country calling code of the default region (86 for CN). */
  public int countryCode() {
    return regionCountryCode;
  }

  /** The trunk prefix dialled before national numbers in the default region ("0" in CN), or "". */
  public String trunkPrefix() {
    String ndd = UTIL.getNddPrefixForRegion(region, true);
    return ndd == null ? "" : ndd;
  }

  /**
   * Parses and normalises {@code raw}.
   *
   * @throws InvalidNumberException naming why {@code raw} is not a phone number
   */
  public PhoneNumber parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidNumberException(InvalidNumberException.Reason.EMPTY, String.valueOf(raw), "empty phone number");
    }
    if (raw.length() > MAX_INPUT) {
      throw new InvalidNumberException(InvalidNumberException.Reason.TOO_LONG, raw,
          "'" + abbreviate(raw) + "' is too long to be a phone number");
    }
    if (fastPath) {
      PhoneNumber fast = parseFast(raw);
      if (fast != null) {
        return fast;
      }
    }
    return parseSlow(raw);
  }

  /** The slow, general path through libphonenumber; public for the equivalence test and benchmarks. */
  public PhoneNumber parseSlow(String raw) {
    Phonenumber.PhoneNumber parsed;
    try {
      parsed = UTIL.parse(raw, region);
    } catch (NumberParseException e) {
      throw new InvalidNumberException(reasonOf(e.getErrorType()), raw,
          "'" + abbreviate(raw) + "' is not a phone number: " + describe(e.getErrorType()));
    }
    String e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
    int cc = parsed.getCountryCode();
    String national = UTIL.getNationalSignificantNumber(parsed);
    NumberKind blockKind = BLOCKS.classify(cc, national);
    boolean valid = UTIL.isValidNumber(parsed);
    NumberKind kind;
    if (blockKind != null && (valid || blockKind != NumberKind.VIRTUAL_MOBILE)) {
      kind = blockKind;
    } else if (valid) {
      kind = kindOf(UTIL.getNumberType(parsed));
    } else if (SHORT.isValidShortNumber(parsed)) {
      kind = SHORT.isEmergencyNumber(national, UTIL.getRegionCodeForCountryCode(cc))
          ? NumberKind.EMERGENCY : NumberKind.SHORT_CODE;
    } else if (UTIL.isPossibleNumber(parsed) && stable(e164)) {
      kind = NumberKind.UNKNOWN;
    } else {
      throw new InvalidNumberException(InvalidNumberException.Reason.NOT_VALID_FOR_REGION, raw,
          "'" + abbreviate(raw) + "' is not a possible phone number in " + regionName(cc));
    }
    if (cc != regionCountryCode && kind != NumberKind.EMERGENCY) {
      kind = NumberKind.INTERNATIONAL;
    }
    try {
      return PhoneNumber.of(e164, kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidNumberException(InvalidNumberException.Reason.TOO_LONG, raw,
          "'" + abbreviate(raw) + "' is too long to be a phone number");
    }
  }

  /** Whether an unvalidated E.164 string reads back as itself (rules out shapes like +8600000000). */
  private boolean stable(String e164) {
    try {
      return UTIL.format(UTIL.parse(e164, region), PhoneNumberFormat.E164).equals(e164);
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** Returns the number for common shapes, or {@code null} to take the slow path. */
  private PhoneNumber parseFast(String raw) {
    int n = raw.length();
    char[] digits = new char[20];
    int count = 0;
    boolean plus = false;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == digits.length) {
          return null;
        }
        digits[count++] = c;
      } else if (c == '+' && count == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
        return null;
      }
    }
    PhoneNumber mobile = mobile(digits, count, plus);
    if (mobile != null) {
      return mobile;
    }
    if (!plus && count >= 3 && count <= 6 && count == n) {
      return shortNumber(raw);
    }
    return landline(raw, digits, count, plus);
  }

  /** Eleven-digit mobiles in any common shape, or {@code null}. */
  private PhoneNumber mobile(char[] digits, int count, boolean plus) {
    int start;
    if (plus) {
      if (count != 13 || digits[0] != '8' || digits[1] != '6') {
        return null;
      }
      start = 2;
    } else if (count == 11) {
      start = 0;
    } else if (count == 15 && digits[0] == '0' && digits[1] == '0' && digits[2] == '8' && digits[3] == '6') {
      start = 4;
    } else if (count == 13 && digits[0] == '8' && digits[1] == '6') {
      start = 2;
    } else {
      return null;
    }
    if (digits[start] != '1' || digits[start + 1] < '3') {
      return null;
    }
    int prefix = 0;
    for (int i = start; i < start + 7; i++) {
      prefix = prefix * 10 + (digits[i] - '0');
    }
    int slot = prefix - 1_000_000;
    int cached = mobileKinds.get(slot);
    if (cached == 0) {
      PhoneNumber slow;
      try {
        slow = parseSlow(new String(digits, start, 11));
      } catch (InvalidNumberException e) {
        return null;
      }
      if (slow.kind() == NumberKind.INTERNATIONAL) {
        return null;
      }
      cached = slow.kind().ordinal() + 1;
      mobileKinds.set(slot, cached);
    }
    NumberKind kind = KINDS[cached - 1];
    if (kind == NumberKind.UNKNOWN) {
      return null; // not a valid mobile: only libphonenumber can say what it is (e.g. 17909 IP-dial prefixes)
    }
    char[] full = new char[14];
    full[0] = '+';
    full[1] = '8';
    full[2] = '6';
    System.arraycopy(digits, start, full, 3, 11);
    return PhoneNumber.of(new String(full), kind);
  }

  /**
   * Landlines and 400/800 lines: {@code 0} + national, {@code +86} or {@code 0086} + national
   * (national of 9 to 11 digits starting 2-9 or 10), or ten bare digits starting 400 or 800. The
   * first number of each (eight-digit prefix, length) goes through libphonenumber, whose kind is then
   * remembered; {@code null} when the shape does not apply or only libphonenumber can tell.
   */
  private PhoneNumber landline(String raw, char[] digits, int count, boolean plus) {
    int start;
    if (plus) {
      if (count < 2 || digits[0] != '8' || digits[1] != '6') {
        return null;
      }
      start = 2;
    } else if (count > 4 && digits[0] == '0' && digits[1] == '0' && digits[2] == '8' && digits[3] == '6') {
      start = 4;
    } else if (count > 1 && digits[0] == '0' && digits[1] != '0') {
      start = 1;
    } else if (count == 10 && (digits[0] == '4' || digits[0] == '8') && digits[1] == '0' && digits[2] == '0') {
      start = 0;
    } else {
      return null;
    }
    int length = count - start;
    if (length < 9 || length > 11) {
      return null;
    }
    char first = digits[start];
    if (start > 0 && (first < '2' || first > '9') && (first != '1' || digits[start + 1] != '0')) {
      return null;
    }
    int prefix = 0;
    for (int i = start; i < start + 8; i++) {
      prefix = prefix * 10 + (digits[i] - '0');
    }
    Integer key = prefix * 4 + (length - 9);
    Byte cached = landlineKinds.get(key);
    if (cached == null) {
      PhoneNumber slow;
      try {
        slow = parseSlow(raw);
      } catch (InvalidNumberException e) {
        return null;
      }
      NumberKind kind = slow.kind();
      boolean remember = kind != NumberKind.UNKNOWN && kind != NumberKind.INTERNATIONAL
          && kind != NumberKind.EMERGENCY && slow.e164().length() == 3 + length
          && slow.e164().regionMatches(3, new String(digits, start, length), 0, length);
      if (landlineKinds.size() < MAX_LANDLINE_KEYS) {
        landlineKinds.putIfAbsent(key, (byte) (remember ? kind.ordinal() + 1 : 0));
      }
      return slow;
    }
    if (cached == 0) {
      return null;
    }
    char[] full = new char[3 + length];
    full[0] = '+';
    full[1] = '8';
    full[2] = '6';
    System.arraycopy(digits, start, full, 3, length);
    return PhoneNumber.of(new String(full), KINDS[cached - 1]);
  }

  /** Three to six bare digits, remembered whole as libphonenumber parsed them; {@code null} when invalid. */
  private PhoneNumber shortNumber(String raw) {
    PhoneNumber known = shortNumbers.get(raw);
    if (known != null) {
      return known;
    }
    try {
      known = parseSlow(raw);
    } catch (InvalidNumberException e) {
      return null;
    }
    if (shortNumbers.size() < MAX_SHORT_NUMBERS) {
      shortNumbers.putIfAbsent(raw, known);
    }
    return known;
  }

  private static NumberKind kindOf(PhoneNumberType type) {
    return switch (type) {
      case MOBILE -> NumberKind.MOBILE;
      case FIXED_LINE, FIXED_LINE_OR_MOBILE -> NumberKind.LANDLINE;
      case TOLL_FREE, SHARED_COST -> NumberKind.TOLL_FREE;
      default -> NumberKind.UNKNOWN;
    };
  }

  private static InvalidNumberException.Reason reasonOf(NumberParseException.ErrorType type) {
    return switch (type) {
      case INVALID_COUNTRY_CODE -> InvalidNumberException.Reason.INVALID_COUNTRY_CODE;
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> InvalidNumberException.Reason.TOO_SHORT;
      case TOO_LONG -> InvalidNumberException.Reason.TOO_LONG;
      default -> InvalidNumberException.Reason.NOT_A_NUMBER;
    };
  }

  private static String describe(NumberParseException.ErrorType type) {
    return switch (type) {
      case INVALID_COUNTRY_CODE -> "unknown country calling code";
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too few digits";
      case TOO_LONG -> "too many digits";
      default -> "no phone number found in it";
    };
  }

  private String regionName(int cc) {
    return "+" + cc;
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
  }
}
