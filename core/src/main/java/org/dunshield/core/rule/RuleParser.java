package org.dunshield.core.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;

/**
 * Turns a pattern as a person types it into a validated {@link Rule} with a normalised pattern, so
 * a bad pattern is refused when the rule is added, never at call time.
 *
 * <ul>
 *   <li>{@code exact}: any number shape; stored in E.164 ({@code +8613800138000}).
 *   <li>{@code prefix} and {@code wildcard}: digits, with {@code *} and {@code ?} for wildcards.
 *       Written without {@code +} they are national ({@code 171}, {@code 0755*}: the trunk 0 is
 *       dropped) and get the default region's country code; {@code +1212} or {@code 001212} are
 *       international. Stored as {@code +86171}, {@code +86755*}.
 *   <li>{@code regex}: an RE2 expression (linear time, no backtracking), tried with {@code find}
 *       against the E.164 form and, for numbers of the default region, the national form
 *       ({@code 17188880001}) and for landlines the trunk form ({@code 075512345678}).
 *   <li>{@code type}: a {@link NumberKind} code such as {@code virtual_mobile}, {@code service}
 *       or {@code hidden} (callers whose number is withheld).
 * </ul>
 *
 * Thread-safe.
 */
public final class RuleParser {
  private static final int MAX_PATTERN = 200;
  private final NumberParser numbers;

  public RuleParser(NumberParser numbers) {
    this.numbers = Objects.requireNonNull(numbers, "numbers");
  }

  /**
   * Validates and normalises a rule typed by a user.
   *
   * @param when a schedule such as {@code "Mon-Fri 22:00-08:00"}, or {@code null} for always
   * @throws IllegalArgumentException naming the field and the problem
   */
  public Rule parse(Action action, MatchKind kind, String pattern, ChannelScope channel, int priority,
      String label, String when) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("pattern must not be empty");
    }
    if (pattern.length() > MAX_PATTERN) {
      throw new IllegalArgumentException("pattern is longer than " + MAX_PATTERN + " characters");
    }
    if (priority < -1_000_000 || priority > 1_000_000) {
      throw new IllegalArgumentException("priority must be between -1000000 and 1000000, got " + priority);
    }
    Schedule schedule = when == null || when.isBlank() ? null : Schedule.parse(when);
    String normalised = normalise(kind, pattern.strip());
    return new Rule(0, action, kind, normalised, channel, priority, label, schedule);
  }

  /** The normalised form of {@code pattern} for {@code kind}. */
  public String normalise(MatchKind kind, String pattern) {
    return switch (kind) {
      case EXACT -> exact(pattern);
      case PREFIX -> digitsPattern(pattern, false);
      case WILDCARD -> digitsPattern(pattern, true);
      case REGEX -> regex(pattern);
      case TYPE -> NumberKind.fromCode(pattern).code();
    };
  }

  private String exact(String pattern) {
    try {
      return numbers.parse(pattern).e164();
    } catch (InvalidNumberException e) {
      throw new IllegalArgumentException("exact pattern: " + e.getMessage(), e);
    }
  }

  private String digitsPattern(String pattern, boolean wildcards) {
    StringBuilder body = new StringBuilder();
    boolean international = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '+' && i == 0) {
        international = true;
      } else if (c >= '0' && c <= '9') {
        body.append(c);
      } else if (wildcards && (c == '*' || c == '?')) {
        body.append(c);
      } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') {
        continue;
      } else {
        String allowed = wildcards ? "digits, * and ?" : "digits";
        throw new IllegalArgumentException((wildcards ? "wildcard" : "prefix") + " pattern '" + pattern
            + "': character '" + c + "' at position " + (i + 1) + " is not allowed; use " + allowed);
      }
    }
    String s = body.toString();
    if (!international && s.startsWith("00")) {
      international = true;
      s = s.substring(2);
    }
    if (!international) {
      String trunk = numbers.trunkPrefix();
      if (!trunk.isEmpty() && s.startsWith(trunk) && s.length() > trunk.length()) {
        s = s.substring(trunk.length());
      }
      s = numbers.countryCode() + s;
    }
    if (s.isEmpty() || s.equals("0")) {
      throw new IllegalArgumentException("pattern '" + pattern + "' has no digits");
    }
    if (s.length() > 20) {
      throw new IllegalArgumentException("pattern '" + pattern + "' is longer than any phone number");
    }
    return "+" + s;
  }

  private static String regex(String pattern) {
    try {
      Pattern.compile(pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("regex pattern '" + pattern + "' does not compile: " + e.getDescription(), e);
    }
  }
}
