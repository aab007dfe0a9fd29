package org.dunshield.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;

/**
 * The data of the screening targets, generated deterministically from a seed: exact blocked mobile
 * numbers, contacts, prefix and wildcard rules, regex rules (every rule typed the way a person would
 * and passed through {@link RuleParser}), and a shuffled sample of {@value #SAMPLE} callers, each
 * both as written (for end-to-end runs) and normalised.
 *
 * <p>The sample mixes, in these shares: callers on the exact block list (30 %), callers caught by a
 * prefix, wildcard or regex rule (15 %), contacts (25 %), unknown mobiles (22 %), landlines and
 * toll-free lines (5 %) and service or government numbers (3 %). Unknown callers may still be caught
 * by a pattern by chance, as in life; {@link #describe} reports the real outcome.
 *
 * <p>Built once per benchmark trial; not thread-safe while being built, immutable afterwards.
 */
final class ScreeningFixture {
  /** The seed of every run, so runs and machines compare like with like. */
  static final long SEED = 0x5EED_2024L;

  /** Callers in the rotating sample; a power of two so the cursor wraps with a mask. */
  static final int SAMPLE = 4096;

  /** The moment of every screened call: Monday 10:00 in Shanghai, outside the scheduled rules' windows. */
  static final Instant AT = Instant.parse("2024-06-03T02:00:00Z");

  /** What a sample entry was drawn to exercise. */
  enum Intent { EXACT_RULE, PATTERN_RULE, CONTACT, UNKNOWN_MOBILE, LANDLINE, SERVICE }

  /** How much of each there is; {@link #target()} is the issue's. */
  record Sizes(int exactRules, int contacts, int patternRules, int regexRules) {
    static Sizes target() {
      return new Sizes(1_000_000, 10_000, 1_000, 50);
    }
  }

  private static final int[] VIRTUAL = {170, 171, 162, 165, 167};
  private static final String[] AREA_CODES = {
      "10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371", "411", "431", "451",
      "510", "512", "531", "532", "571", "574", "591", "592", "731", "755", "757", "769", "871", "898",
  };
  private static final String[] SERVICE = {
      "95588", "95555", "95533", "95599", "95566", "10086", "10010", "10000", "12315", "12345", "12321", "96110",
  };

  /**
   * Regex rules: the pattern, and how to make a number it matches (a national prefix, a suffix).
   * Most are anchored on leading digits, so the rule book indexes them; the last ten are not.
   */
  private static final String[][] REGEXES = {
      {"^1700\\d{7}$", "1700", ""}, {"^1701\\d{7}$", "1701", ""}, {"^1702\\d{7}$", "1702", ""},
      {"^1703\\d{7}$", "1703", ""}, {"^1705\\d{7}$", "1705", ""}, {"^1706\\d{7}$", "1706", ""},
      {"^1707\\d{7}$", "1707", ""}, {"^1708\\d{7}$", "1708", ""}, {"^1709\\d{7}$", "1709", ""},
      {"^171\\d{4}", "171", ""}, {"^1710[0-4]\\d{6}$", "17102", ""}, {"^1718[5-9]\\d{6}$", "17186", ""},
      {"^162\\d{8}$", "162", ""}, {"^1650\\d{7}$", "1650", ""}, {"^1658\\d{7}$", "1658", ""},
      {"^1670\\d{7}$", "1670", ""}, {"^1671\\d{7}$", "1671", ""}, {"^\\+861700", "1700", ""},
      {"^\\+86171[5-9]", "1716", ""}, {"^\\+861650", "1650", ""}, {"^0755\\d{8}$", "0755", ""},
      {"^021[56]\\d{7}$", "0215", ""}, {"^010[68]\\d{7}$", "0106", ""}, {"^0571\\d{8}$", "0571", ""},
      {"^0769\\d{8}$", "0769", ""}, {"^400[1-9]\\d{6}$", "4006", ""}, {"^1380013\\d{4}$", "1380013", ""},
      {"^1391234\\d{4}$", "1391234", ""}, {"^1860000\\d{4}$", "1860000", ""}, {"^1881111\\d{4}$", "1881111", ""},
      {"^1599999\\d{4}$", "1599999", ""}, {"^1776666\\d{4}$", "1776666", ""}, {"^1355555\\d{4}$", "1355555", ""},
      {"^1893333\\d{4}$", "1893333", ""}, {"^1368888\\d{4}$", "1368888", ""},
      // anchored, but only on "1": every mobile walks past them
      {"^1[3-9]\\d{5}0000$", "", "0000"}, {"^1\\d{6}4444$", "", "4444"}, {"^1[35]\\d{5}1314$", "13", "1314"},
      {"^1[78]\\d{5}7777$", "17", "7777"}, {"^1\\d{4}(?:00)\\d{4}$", "", ""},
      // unanchored or with alternation: tried for every number
      {"8888$", "", "8888"}, {"6666$", "", "6666"}, {"9999$", "", "9999"}, {"(?:1234|5678)$", "", "5678"},
      {"^(?:170|171)0\\d{7}$", "1700", ""}, {"^(?:162|165|167)9\\d{7}$", "1629", ""}, {"(?:520|1314)$", "", "1314"},
      {"0{5}", "", "00000"}, {"^\\+?(?:86)?1700", "1700", ""}, {"3{4}$", "", "3333"},
  };

  final NumberParser numbers;
  final List<Rule> rules;
  final List<PhoneNumber> contacts;
  final String[] raw;
  final PhoneNumber[] sample;
  final Intent[] intents;

  private ScreeningFixture(NumberParser numbers, List<Rule> rules, List<PhoneNumber> contacts, String[] raw,
      PhoneNumber[] sample, Intent[] intents) {
    this.numbers = numbers;
    this.rules = rules;
    this.contacts = contacts;
    this.raw = raw;
    this.sample = sample;
    this.intents = intents;
  }

  /** Generates everything for {@code sizes}; the same sizes always give the same data. */
  static ScreeningFixture generate(Sizes sizes) {
    return new Builder(sizes).build();
  }

  /** A one-line account of the sample's intended mix, for benchmark logs. */
  String describe() {
    Map<Intent, Integer> counts = new EnumMap<>(Intent.class);
    for (Intent intent : intents) {
      counts.merge(intent, 1, Integer::sum);
    }
    return rules.size() + " rules, " + contacts.size() + " contacts; sample of " + sample.length + ": " + counts;
  }

  /** Generation state: the random source and the numbers used so far. */
  private static final class Builder {
    private final Sizes sizes;
    private final Random random = new Random(SEED);
    private final Mobiles mobiles = new Mobiles(random);
    private final NumberParser numbers = NumberParser.forRegion("CN");
    private final RuleParser parser = new RuleParser(numbers);
    private final Set<Long> taken = new HashSet<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> exactNumbers = new ArrayList<>();
    private final List<String> hitPrefixes = new ArrayList<>();
    private final List<String> hitWildcards = new ArrayList<>();
    private final List<String[]> hitRegexes = new ArrayList<>();

    Builder(Sizes sizes) {
      this.sizes = sizes;
    }

    ScreeningFixture build() {
      for (int i = 0; i < sizes.exactRules(); i++) {
        String national = Long.toString(freshMobile());
        exactNumbers.add(national);
        add(parser.parse(Action.BLOCK, MatchKind.EXACT, national, ChannelScope.BOTH, 0, "", null));
      }
      List<PhoneNumber> contacts = new ArrayList<>(sizes.contacts());
      for (int i = 0; i < sizes.contacts(); i++) {
        contacts.add(i % 20 == 19 ? numbers.parse(freshLandline()) : numbers.parse(Long.toString(freshMobile(true))));
      }
      addPatternRules();
      addRegexRules();
      int n = SAMPLE;
      List<Object[]> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int pick = i * 100 / n;
        Intent intent = pick < 30 ? Intent.EXACT_RULE : pick < 45 ? Intent.PATTERN_RULE : pick < 70 ? Intent.CONTACT
            : pick < 92 ? Intent.UNKNOWN_MOBILE : pick < 97 ? Intent.LANDLINE : Intent.SERVICE;
        String written = written(intent, contacts);
        entries.add(new Object[] {written, intent});
      }
      Collections.shuffle(entries, random);
      String[] raw = new String[n];
      PhoneNumber[] sample = new PhoneNumber[n];
      Intent[] intents = new Intent[n];
      for (int i = 0; i < n; i++) {
        raw[i] = (String) entries.get(i)[0];
        sample[i] = numbers.parse(raw[i]);
        intents[i] = (Intent) entries.get(i)[1];
      }
      return new ScreeningFixture(numbers, rules, contacts, raw, sample, intents);
    }

    private void add(Rule rule) {
      rules.add(rule.withId(rules.size() + 1));
    }

    /** Prefix and wildcard rules, typed as national digits; a few allow, a few scheduled or SMS/call-only. */
    private void addPatternRules() {
      int total = sizes.patternRules();
      for (int i = 0; i < total; i++) {
        int shape = i * 100 / Math.max(1, total);
        MatchKind kind;
        String pattern;
        if (shape < 40) { // seven-digit mobile block, mostly virtual operators
          int segment = random.nextInt(10) < 7 ? VIRTUAL[random.nextInt(VIRTUAL.length)]
              : Mobiles.SEGMENTS[random.nextInt(Mobiles.SEGMENTS.length)];
          pattern = segment + digits(4);
          kind = MatchKind.PREFIX;
          hitPrefixes.add(pattern);
        } else if (shape < 50) { // landline exchange: area code and a few digits
          pattern = "0" + AREA_CODES[random.nextInt(AREA_CODES.length)] + " " + (2 + random.nextInt(7)) + digits(1);
          kind = MatchKind.PREFIX;
          hitPrefixes.add(pattern.replace(" ", ""));
        } else if (shape < 55) { // business lines
          pattern = "400-" + (1 + random.nextInt(9)) + digits(2);
          kind = MatchKind.PREFIX;
          hitPrefixes.add(pattern.replace("-", ""));
        } else if (shape < 75) { // block of ten thousand: 1718866????
          int segment = random.nextInt(2) == 0 ? VIRTUAL[random.nextInt(VIRTUAL.length)]
              : Mobiles.SEGMENTS[random.nextInt(Mobiles.SEGMENTS.length)];
          pattern = segment + digits(4) + "????";
          kind = MatchKind.WILDCARD;
          hitWildcards.add(pattern);
        } else if (shape < 90) { // segment and a fixed ending: 171????8888
          pattern = Mobiles.SEGMENTS[random.nextInt(Mobiles.SEGMENTS.length)] + "????" + digits(4);
          kind = MatchKind.WILDCARD;
          hitWildcards.add(pattern);
        } else if (shape < 95) { // landline exchange with a star
          pattern = "0" + AREA_CODES[random.nextInt(AREA_CODES.length)] + (2 + random.nextInt(7)) + "*";
          kind = MatchKind.WILDCARD;
          hitWildcards.add(pattern);
        } else if (shape < 99) { // a segment with a star in the middle: 170*888
          pattern = VIRTUAL[random.nextInt(VIRTUAL.length)] + "*" + digits(3);
          kind = MatchKind.WILDCARD;
          hitWildcards.add(pattern);
        } else { // a bare ending: *8888, tried for every Chinese number
          pattern = "*" + digits(4);
          kind = MatchKind.WILDCARD;
          hitWildcards.add(pattern);
        }
        boolean allow = i % 20 == 7;
        int priority = allow ? 10 : 0;
        ChannelScope channel = i % 10 == 3 ? ChannelScope.CALL : i % 20 == 5 ? ChannelScope.SMS : ChannelScope.BOTH;
        String label = i % 4 == 0 ? "debt_collection" : i % 4 == 1 ? "催收" : "";
        String when = i % 100 == 42 ? "Mon-Fri 22:00-08:00" : null;
        add(parser.parse(allow ? Action.ALLOW : Action.BLOCK, kind, pattern, channel, priority, label, when));
      }
    }

    private void addRegexRules() {
      for (int i = 0; i < sizes.regexRules(); i++) {
        String[] spec = REGEXES[i % REGEXES.length];
        hitRegexes.add(spec);
        add(parser.parse(Action.BLOCK, MatchKind.REGEX, spec[0], ChannelScope.BOTH, 0,
            i % 2 == 0 ? "debt_collection" : "", null));
      }
    }

    /** A sample entry of {@code intent}, written in one of the shapes people and phones use. */
    private String written(Intent intent, List<PhoneNumber> contacts) {
      return switch (intent) {
        case EXACT_RULE -> mobileShape(exactNumbers.get(random.nextInt(exactNumbers.size())));
        case PATTERN_RULE -> patternHit();
        case CONTACT -> {
          PhoneNumber c = contacts.get(random.nextInt(contacts.size()));
          String national = c.e164().substring(3);
          yield c.kind() == NumberKind.LANDLINE ? landlineShape(national) : mobileShape(national);
        }
        case UNKNOWN_MOBILE -> mobileShape(Long.toString(freshMobile()));
        case LANDLINE -> random.nextInt(5) == 0 ? "400-" + digits(3) + "-" + digits(4) : landlineShape(freshLandline().substring(1));
        case SERVICE -> SERVICE[random.nextInt(SERVICE.length)];
      };
    }

    /** A number some pattern rule matches (before priorities and channels decide). */
    private String patternHit() {
      for (int attempt = 0; ; attempt++) {
        int which = random.nextInt(10);
        String national;
        if (which < 5 && !hitPrefixes.isEmpty()) {
          String prefix = hitPrefixes.get(random.nextInt(hitPrefixes.size()));
          national = prefix.startsWith("0") ? prefix.substring(1) + digits(8 - (prefix.length() - 1 - areaLength(prefix)))
              : prefix.startsWith("400") ? prefix + digits(10 - prefix.length())
              : Long.toString(mobiles.completing(prefix, 11));
        } else if (which < 8 && !hitWildcards.isEmpty()) {
          national = fill(hitWildcards.get(random.nextInt(hitWildcards.size())));
        } else if (!hitRegexes.isEmpty()) {
          String[] spec = hitRegexes.get(random.nextInt(hitRegexes.size()));
          national = regexHit(spec[1], spec[2]);
        } else {
          continue;
        }
        if (national != null && parsesAs(national)) {
          return national.startsWith("1") && national.length() == 11 ? mobileShape(national) : landlineShape(national);
        }
        if (attempt > 1000) {
          throw new IllegalStateException("cannot generate pattern hits");
        }
      }
    }

    private String regexHit(String prefix, String suffix) {
      String p = prefix.startsWith("0") ? prefix.substring(1) : prefix;
      if (prefix.startsWith("0") || prefix.startsWith("400")) {
        int length = prefix.startsWith("400") ? 10 : 2 + 8 + (prefix.startsWith("01") || prefix.startsWith("02") ? 0 : 1);
        return p + digits(length - p.length());
      }
      String start = p.isEmpty() ? Integer.toString(Mobiles.SEGMENTS[random.nextInt(Mobiles.SEGMENTS.length)]) : p;
      if (start.length() < 3) {
        start = start + digits(3 - start.length());
      }
      return start + digits(11 - start.length() - suffix.length()) + suffix;
    }

    /** A national number matching a normalised-on-input wildcard such as {@code 0755*} or {@code 171????8888}. */
    private String fill(String wildcard) {
      String w = wildcard.startsWith("0") ? wildcard.substring(1) : wildcard;
      boolean landline = wildcard.startsWith("0");
      int length = landline ? (w.startsWith("1") || w.startsWith("2") ? 10 : 11) : 11;
      int fixed = 0;
      for (char c : w.toCharArray()) {
        if (c != '*') {
          fixed++;
        }
      }
      if (w.startsWith("*")) {
        w = Mobiles.SEGMENTS[random.nextInt(Mobiles.SEGMENTS.length)] + w;
        fixed += 3;
      }
      StringBuilder out = new StringBuilder();
      for (char c : w.toCharArray()) {
        if (c == '?') {
          out.append((char) ('0' + random.nextInt(10)));
        } else if (c == '*') {
          out.append(digits(Math.max(0, length - fixed)));
        } else {
          out.append(c);
        }
      }
      return out.length() == length ? out.toString() : null;
    }

    private boolean parsesAs(String national) {
      try {
        NumberKind kind = numbers.parse(national.startsWith("1") && national.length() == 11 ? national
            : (national.startsWith("400") ? national : "0" + national)).kind();
        return kind == NumberKind.MOBILE || kind == NumberKind.VIRTUAL_MOBILE || kind == NumberKind.LANDLINE
            || kind == NumberKind.TOLL_FREE;
      } catch (RuntimeException notANumber) {
        return false;
      }
    }

    /** An unused mobile that libphonenumber (and so the fast path) knows as a mobile. */
    private long freshMobile() {
      return freshMobile(false);
    }

    private long freshMobile(boolean mainstream) {
      while (true) {
        long candidate = mainstream ? mobiles.nextMainstream() : mobiles.next();
        if (!taken.add(candidate)) {
          continue;
        }
        NumberKind kind = numbers.parse(Long.toString(candidate)).kind();
        if (kind == NumberKind.MOBILE || kind == NumberKind.VIRTUAL_MOBILE) {
          return candidate;
        }
      }
    }

    /** An unused landline written with its trunk 0, such as {@code 075588881234}. */
    private String freshLandline() {
      while (true) {
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        String local = (2 + random.nextInt(7)) + digits(area.length() == 2 ? 7 : 6 + random.nextInt(2));
        String written = "0" + area + local;
        if (!taken.add(Long.parseLong(area + local))) {
          continue;
        }
        try {
          if (numbers.parse(written).kind() == NumberKind.LANDLINE) {
            return written;
          }
        } catch (RuntimeException notANumber) {
          // redraw
        }
      }
    }

    private String mobileShape(String national) {
      String a = national.substring(0, 3);
      String b = national.substring(3, 7);
      String c = national.substring(7);
      return switch (random.nextInt(6)) {
        case 0 -> national;
        case 1 -> a + " " + b + " " + c;
        case 2 -> "+86 " + a + "-" + b + "-" + c;
        case 3 -> "+86" + national;
        case 4 -> "0086" + national;
        default -> "+86 " + a + " " + b + " " + c;
      };
    }

    private String landlineShape(String national) {
      if (national.startsWith("400")) {
        return national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6);
      }
      int area = areaLength("0" + national);
      String code = national.substring(0, area);
      String local = national.substring(area);
      return switch (random.nextInt(4)) {
        case 0 -> "0" + code + "-" + local;
        case 1 -> "(0" + code + ") " + local.substring(0, 4) + " " + local.substring(4);
        case 2 -> "+86 " + code + " " + local;
        default -> "0" + code + local;
      };
    }

    /** Digits of the area code in a trunk-prefixed landline or prefix such as {@code 0755...}. */
    private static int areaLength(String trunkForm) {
      return trunkForm.charAt(1) == '1' || trunkForm.charAt(1) == '2' ? 2 : 3;
    }

    private String digits(int count) {
      StringBuilder out = new StringBuilder(count);
      for (int i = 0; i < count; i++) {
        out.append((char) ('0' + random.nextInt(10)));
      }
      return out.toString();
    }
  }
}
