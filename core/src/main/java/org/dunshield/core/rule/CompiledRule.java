package org.dunshield.core.rule;

import com.google.re2j.Pattern;
import java.time.Instant;
import java.time.ZoneId;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;

/** A rule with its pattern compiled once. Immutable and thread-safe. */
final class CompiledRule {
  private final Rule rule;
  private final int specificity;
  private final String digits; // prefix digits, or wildcard glob over E.164 digits
  private final int globMinLength; // wildcard: digits a match needs at least (every symbol but '*')
  private final int globTail; // wildcard: start of the part after the last '*', or -1 without a star
  private final Pattern regex;
  private final String requiredDigits; // digits every regex match contains, or "" (a cheap pre-filter)
  private final NumberKind type;
  private final boolean hidden;
  private final NumberForms forms;

  CompiledRule(Rule rule, NumberForms forms) {
    this.rule = rule;
    this.forms = forms;
    this.specificity = RuleOrder.specificity(rule.kind(), rule.pattern());
    String p = rule.pattern();
    this.digits = rule.kind() == MatchKind.PREFIX || rule.kind() == MatchKind.WILDCARD || rule.kind() == MatchKind.EXACT
        ? p.substring(1) : null;
    int stars = 0;
    int lastStar = -1;
    if (rule.kind() == MatchKind.WILDCARD) {
      for (int i = 0; i < digits.length(); i++) {
        if (digits.charAt(i) == '*') {
          stars++;
          lastStar = i;
        }
      }
    }
    this.globMinLength = digits == null ? 0 : digits.length() - stars;
    this.globTail = lastStar < 0 ? -1 : lastStar + 1;
    this.regex = rule.kind() == MatchKind.REGEX ? Pattern.compile(p) : null;
    this.requiredDigits = rule.kind() == MatchKind.REGEX ? NumberForms.requiredDigits(p) : "";
    this.hidden = rule.kind() == MatchKind.TYPE && p.equals(NumberKind.HIDDEN.code());
    this.type = rule.kind() == MatchKind.TYPE ? NumberKind.fromCode(p) : null;
  }

  Rule rule() {
    return rule;
  }

  int specificity() {
    return specificity;
  }

  /** The E.164 digits every matching number starts with ("" when unknown), for indexing. */
  String literalPrefix() {
    return switch (rule.kind()) {
      case EXACT, PREFIX -> digits;
      case WILDCARD -> {
        int cut = 0;
        while (cut < digits.length() && digits.charAt(cut) != '*' && digits.charAt(cut) != '?') {
          cut++;
        }
        yield digits.substring(0, cut);
      }
      case REGEX -> forms.regexPrefix(rule.pattern());
      case TYPE -> "";
    };
  }

  /** Whether the rule covers this channel at this time. */
  boolean activeFor(Channel channel, Instant at, ZoneId zone) {
    return rule.channel().covers(channel) && (rule.schedule() == null || rule.schedule().activeAt(at.atZone(zone)));
  }

  /** Whether the pattern matches; {@code number} is {@code null} for a withheld caller. */
  boolean matches(PhoneNumber number) {
    return matches(number, number == null ? null : number.digitString());
  }

  /**
   * Whether the pattern matches, given {@code digitString} = {@code number.digitString()} computed
   * once by a caller that tries many rules on the same number.
   */
  boolean matches(PhoneNumber number, String digitString) {
    if (number == null) {
      return hidden;
    }
    return switch (rule.kind()) {
      case EXACT -> digitString.equals(digits);
      case PREFIX -> digitString.startsWith(digits);
      case WILDCARD -> globMayMatch(digitString) && Glob.matches(digits, digitString);
      case REGEX -> forms.mayContain(requiredDigits, number) && forms.anyMatches(regex, number);
      case TYPE -> type == number.kind()
          || (type == NumberKind.MOBILE && number.kind() == NumberKind.VIRTUAL_MOBILE);
    };
  }

  /**
   * A cheap necessary condition for the wildcard: the length fits, and the part after the last
   * {@code *} (with {@code ?} for any digit) ends the text. It spares {@link Glob}'s backtracking
   * for patterns such as {@code 86*8888}, which lie on every Chinese number's path through the index.
   */
  private boolean globMayMatch(String text) {
    if (globTail < 0) {
      return text.length() == digits.length();
    }
    if (text.length() < globMinLength) {
      return false;
    }
    for (int p = digits.length() - 1, t = text.length() - 1; p >= globTail; p--, t--) {
      char c = digits.charAt(p);
      if (c != '?' && c != text.charAt(t)) {
        return false;
      }
    }
    return true;
  }

  RuleMatch toMatch() {
    return new RuleMatch(rule.id(), rule.action(), rule.kind(), rule.pattern(), rule.priority(), rule.label());
  }
}
