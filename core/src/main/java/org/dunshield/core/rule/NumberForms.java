package org.dunshield.core.rule;

import java.util.function.Predicate;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * The written forms a regex rule is tried against: E.164 ({@code +8617188880001}) always; for
 * numbers of the default region also the national form ({@code 17188880001}) and, for landlines,
 * the trunk form ({@code 075512345678}). Immutable and thread-safe.
 */
final class NumberForms {
  private final String countryPrefix;
  private final String trunk;

  NumberForms(NumberParser numbers) {
    this.countryPrefix = "+" + numbers.countryCode();
    this.trunk = numbers.trunkPrefix();
  }

  /**
   * Whether {@code regex} (a regex's find) matches in some form of {@code number}. Forms that do not
   * start with {@code lead} (see {@link #leadingChar}; 0 when unknown) are not tried: they cannot
   * match, and an RE2/J run costs more than the rest of a decision.
   */
  boolean anyMatches(Predicate<String> regex, char lead, PhoneNumber number) {
    String e164 = number.e164();
    if ((lead == 0 || lead == '+') && regex.test(e164)) {
      return true;
    }
    int cc = countryPrefix.length();
    if (!e164.startsWith(countryPrefix)) {
      return false;
    }
    if ((lead == 0 || (e164.length() > cc && e164.charAt(cc) == lead)) && regex.test(e164.substring(cc))) {
      return true;
    }
    return number.kind() == NumberKind.LANDLINE && !trunk.isEmpty() && (lead == 0 || trunk.charAt(0) == lead)
        && regex.test(trunk + e164.substring(cc));
  }

  /**
   * The character every text {@code regex} matches in starts with, or 0 when that cannot be read
   * off the pattern: it starts with {@code ^} and then a literal digit or {@code \+} that no
   * {@code ?}, {@code *} or {@code {...}} makes optional, and has no alternation and no flag group.
   * Numbers never contain a line break, so {@code ^} is the start of the text even in multi-line mode.
   */
  static char leadingChar(String regex) {
    if (regex.length() < 2 || regex.charAt(0) != '^' || regex.contains("|") || hasFlagGroup(regex)) {
      return 0;
    }
    char lead = regex.charAt(1);
    int next = 2;
    if (regex.startsWith("\\+", 1)) {
      lead = '+';
      next = 3;
    } else if (lead < '0' || lead > '9') {
      return 0;
    }
    if (next < regex.length() && "?*{".indexOf(regex.charAt(next)) >= 0) {
      return 0;
    }
    return lead;
  }

  /**
   * Whether some form of {@code number} contains {@code digits}: false proves no regex requiring
   * those digits can match, without running the regex.
   */
  boolean mayContain(String digits, PhoneNumber number) {
    if (digits.isEmpty() || number.e164().contains(digits)) {
      return true;
    }
    // only the trunk form ("0" + national number) has a digit the E.164 form lacks: look only at
    // the places that overlap the trunk prefix, without building the form
    String e164 = number.e164();
    if (number.kind() != NumberKind.LANDLINE || trunk.isEmpty() || !e164.startsWith(countryPrefix)) {
      return false;
    }
    for (int at = 0; at < trunk.length(); at++) {
      int inTrunk = Math.min(digits.length(), trunk.length() - at);
      if (trunk.regionMatches(at, digits, 0, inTrunk)
          && e164.regionMatches(countryPrefix.length(), digits, inTrunk, digits.length() - inTrunk)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The longest run of digits that every match of {@code regex} must contain, read conservatively:
   * only literal digits outside groups, classes, repetition counts and escapes, not followed by a quantifier; "" when
   * the pattern has an alternation or no such run.
   */
  static String requiredDigits(String regex) {
    if (regex.contains("|")) {
      return "";
    }
    if (hasFlagGroup(regex)) {
      return "";
    }
    if (!onlyEscapes(regex, "dD+.-^$*?()[]{}")) {
      return ""; // \Q...\E, octal and other escapes can hide or make digits: no filter rather than a wrong one
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean literalDigit = depth == 0 && c >= '0' && c <= '9';
      if (literalDigit) {
        char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
        if (next == '?' || next == '*' || next == '{') {
          literalDigit = false; // optional or repeated: not required as written
        }
      }
      if (literalDigit) {
        run.append(c);
        continue;
      }
      if (run.length() > best.length()) {
        best = run.toString();
      }
      run.setLength(0);
      if (c == '\\') {
        i++; // skip the escaped character
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return run.length() > best.length() ? run.toString() : best;
  }

  /**
   * Whether {@code regex} has a group other than {@code (?:...)}: a flag group like {@code (?i)} is
   * no atom, so RE2 lets a {@code {0}} after it repeat the character before it.
   */
  static boolean hasFlagGroup(String regex) {
    for (int at = regex.indexOf("(?"); at >= 0; at = regex.indexOf("(?", at + 2)) {
      if (at + 2 >= regex.length() || regex.charAt(at + 2) != ':') {
        return true;
      }
    }
    return false;
  }

  /** Whether every backslash in {@code regex} escapes one of {@code allowed}. */
  private static boolean onlyEscapes(String regex, String allowed) {
    for (int at = regex.indexOf('\\'); at >= 0; at = regex.indexOf('\\', at + 2)) {
      char escaped = at + 1 < regex.length() ? regex.charAt(at + 1) : 0;
      if (allowed.indexOf(escaped) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The longest regex ending {@link #regexSuffix} reads: the last six digits are alike in every form of a number. */
  static final int MAX_REGEX_SUFFIX = 6;

  /**
   * Digits (at most {@value #MAX_REGEX_SUFFIX}) that every number matched by {@code regex} ends with,
   * in its E.164 digits, or "" when that cannot be read off the pattern. Only a run of literal digits
   * right before a final unescaped {@code $} counts ({@code 8888$}, {@code ^1[3-9]\d{5}0000$}); a
   * pattern with alternation, quoting or escapes other than {@code \d} and punctuation gives "".
   * Every written form of a number (E.164, national, trunk) ends with the same digits as long as the
   * run is no longer than the national number, and a landline's national number has more than six.
   */
  static String regexSuffix(String regex) {
    if (!regex.endsWith("$") || regex.contains("|")) {
      return "";
    }
    if (!onlyEscapes(regex, "dD+.-^$*?()[]{}\\")) {
      return ""; // \Q...\E, octal, hex and class escapes can hide or make digits
    }
    int end = regex.length() - 1;
    int slashes = 0;
    for (int k = end - 1; k >= 0 && regex.charAt(k) == '\\'; k--) {
      slashes++;
    }
    if (slashes % 2 == 1) {
      return ""; // an escaped $, a literal dollar sign
    }
    int start = end;
    while (start > 0 && regex.charAt(start - 1) >= '0' && regex.charAt(start - 1) <= '9') {
      start--;
    }
    if (start == end) {
      return "";
    }
    slashes = 0;
    for (int k = start - 1; k >= 0 && regex.charAt(k) == '\\'; k--) {
      slashes++;
    }
    if (slashes % 2 == 1) {
      return ""; // the run's first digit is escaped
    }
    String run = regex.substring(start, end);
    return run.length() > MAX_REGEX_SUFFIX ? run.substring(run.length() - MAX_REGEX_SUFFIX) : run;
  }

  /**
   * The digits at the start of the trunk form of {@code number} ({@code "0755..."} for
   * {@code +86755...}) that its E.164 digits lack, i.e. the trunk prefix followed by the national
   * number; null when the number has no trunk form among those regexes are tried on.
   */
  String trunkForm(PhoneNumber number) {
    if (number.kind() != NumberKind.LANDLINE || trunk.isEmpty() || !number.e164().startsWith(countryPrefix)) {
      return null;
    }
    return trunk + number.e164().substring(countryPrefix.length());
  }

  /** The default region's country calling code, digits only ({@code "86"}). */
  String countryDigits() {
    return countryPrefix.substring(1);
  }

  /**
   * The E.164 digits every number matched by {@code regex} must start with, or "" when that cannot
   * be read off the pattern. Only simple anchored literals are used: {@code ^\+86171},
   * {@code ^171} (national) and {@code ^0755} (trunk); alternation or groups give "".
   */
  String regexPrefix(String regex) {
    if (!regex.startsWith("^") || regex.contains("|")) {
      return "";
    }
    int i = 1;
    boolean international = false;
    if (regex.startsWith("^\\+")) {
      international = true;
      i = 3;
    }
    StringBuilder digits = new StringBuilder();
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        i++;
      } else {
        if (c == '?' || c == '*' || c == '{') {
          if (digits.length() > 0) {
            digits.setLength(digits.length() - 1); // the last digit is optional or repeated
          }
        }
        break;
      }
    }
    String d = digits.toString();
    if (international) {
      return d;
    }
    if (d.isEmpty()) {
      return "";
    }
    String cc = countryPrefix.substring(1);
    if (!trunk.isEmpty() && d.startsWith(trunk)) {
      return cc + d.substring(trunk.length());
    }
    return cc + d;
  }
}
