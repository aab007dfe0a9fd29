package org.dunshield.core.rule;

import com.google.re2j.Pattern;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
  /** The regex's find: by {@link DigitSequence} when the regex has that shape, else by RE2/J. */
  private final Predicate<String> finds;
  private final char regexLead; // the first character of every text the regex matches in, or 0
  private final String requiredDigits; // digits every regex match contains, or "" (a cheap pre-filter)
  private final String[][] requiredLiterals; // regex: AND of ORs of strings every match contains, or null
  private final NumberKind type;
  private final boolean hidden;
  private final NumberForms forms;
  private final RuleMatch match;

  CompiledRule(Rule rule, NumberForms forms) {
    this.rule = rule;
    this.match = new RuleMatch(rule.id(), rule.action(), rule.kind(), rule.pattern(), rule.priority(), rule.label());
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
    Pattern regex = rule.kind() == MatchKind.REGEX ? Pattern.compile(p) : null;
    DigitSequence sequence = regex != null ? DigitSequence.of(p) : null;
    this.finds = sequence != null ? sequence::find : regex != null ? text -> regex.matcher(text).find() : null;
    this.regexLead = rule.kind() == MatchKind.REGEX ? NumberForms.leadingChar(p) : 0;
    this.requiredDigits = rule.kind() == MatchKind.REGEX ? NumberForms.requiredDigits(p) : "";
    this.requiredLiterals = rule.kind() == MatchKind.REGEX ? RequiredLiterals.of(p) : null;
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

  /**
   * The E.164 digits every matching number ends with ("" when unknown), for indexing: a wildcard's
   * digits after its last {@code *} or {@code ?}, a regex's literal ending (see
   * {@link NumberForms#regexSuffix}).
   */
  String literalSuffix() {
    return switch (rule.kind()) {
      case WILDCARD -> {
        int cut = digits.length();
        while (cut > 0 && digits.charAt(cut - 1) != '*' && digits.charAt(cut - 1) != '?') {
          cut--;
        }
        yield cut == 0 ? "" : digits.substring(cut);
      }
      case REGEX -> NumberForms.regexSuffix(rule.pattern());
      case EXACT, PREFIX, TYPE -> "";
    };
  }

  /**
   * A set of digit strings one of which every match contains in some written form of the number
   * (a clause of the regex's required literals), the one with the longest shortest string; null
   * when the rule has none made of digits only. For indexing by the digits a number contains.
   */
  String[] requiredDigitClause() {
    if (requiredLiterals == null) {
      return null;
    }
    String[] best = null;
    int bestShortest = 0;
    for (String[] clause : requiredLiterals) {
      int shortest = Integer.MAX_VALUE;
      for (String literal : clause) {
        for (int i = 0; i < literal.length(); i++) {
          if (literal.charAt(i) < '0' || literal.charAt(i) > '9') {
            shortest = 0;
          }
        }
        shortest = Math.min(shortest, literal.length());
      }
      if (shortest > bestShortest || (shortest == bestShortest && best != null && clause.length < best.length)) {
        best = clause;
        bestShortest = shortest;
      }
    }
    return best;
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
      case REGEX -> forms.mayContain(requiredDigits, number) && mayContainLiterals(number)
          && forms.anyMatches(finds, regexLead, number);
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

  /** False proves the regex cannot match any form of the number, without running it. */
  boolean mayContainLiterals(PhoneNumber number) {
    if (requiredLiterals == null) {
      return true;
    }
    for (String[] anyOf : requiredLiterals) {
      boolean found = false;
      for (String literal : anyOf) {
        if (forms.mayContain(literal, number)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** What a match of this rule reports; the same object every time. */
  RuleMatch toMatch() {
    return match;
  }

  /**
   * Strings that every match of an RE2 expression contains, as clauses that must all hold, each
   * satisfied by any one of its strings: {@code (?:1234|5678)$} needs "1234" or "5678",
   * {@code 0{5}} needs "00000", {@code ^1[3-9]\d{5}0000$} needs "0000". Like RE2's own prefilter,
   * it tracks the exact strings a part of the pattern can match while they stay few and short, and
   * otherwise only what they must contain. Conservative: anything it does not fully understand
   * (octal escapes, unknown group syntax, ...) yields no requirement, so a rule is never skipped
   * wrongly; dropped clauses only weaken the filter. Stateless.
   */
  static final class RequiredLiterals {
    private static final int MAX_SET = 16;
    private static final int MAX_LENGTH = 16;
    private static final int MAX_CLAUSES = 8;
    private static final Set<String> EMPTY = Set.of("");
    private static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** What a part of a pattern matches: exactly one of {@code exact}, or (when null) text meeting {@code cnf}. */
    private record Info(Set<String> exact, List<Set<String>> cnf) {
      static final Info ANY = new Info(null, List.of());

      static Info exactly(Set<String> strings) {
        for (String s : strings) {
          if (s.length() > MAX_LENGTH) {
            return new Info(null, clause(strings));
          }
        }
        return strings.size() > MAX_SET ? new Info(null, clause(strings)) : new Info(strings, null);
      }

      List<Set<String>> toCnf() {
        return exact == null ? cnf : clause(exact);
      }
    }

    /** Thrown for syntax the analysis does not model; the pattern then gets no requirement. */
    private static final class Unsupported extends RuntimeException {
      Unsupported() {
        super(null, null, false, false);
      }
    }

    private final String p;
    private int i;

    private RequiredLiterals(String pattern) {
      this.p = pattern;
    }

    /** The clauses for {@code regex} (already compiled by RE2/J), or {@code null} when none is known. */
    static String[][] of(String regex) {
      if (NumberForms.hasFlagGroup(regex)) {
        return null;
      }
      try {
        RequiredLiterals parser = new RequiredLiterals(regex);
        Info info = parser.alternation();
        if (parser.i != regex.length()) {
          return null;
        }
        List<Set<String>> cnf = info.toCnf();
        if (cnf.isEmpty()) {
          return null;
        }
        String[][] out = new String[cnf.size()][];
        for (int c = 0; c < cnf.size(); c++) {
          out[c] = cnf.get(c).toArray(new String[0]);
        }
        return out;
      } catch (Unsupported | IndexOutOfBoundsException | NumberFormatException e) {
        return null;
      }
    }

    private Info alternation() {
      Info result = concatenation();
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        result = or(result, concatenation());
      }
      return result;
    }

    /**
     * A sequence: clauses for what lies behind, plus the exact strings of the trailing run while
     * they stay few, so that {@code \\d{5}0000} still yields a run ending in "0000".
     */
    private Info concatenation() {
      List<Set<String>> behind = new ArrayList<>();
      Set<String> run = EMPTY;
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        List<Info> pieces = new ArrayList<>();
        if (p.startsWith("\\Q", i)) { // quoted text: a quantifier after it applies to its last character
          int end = p.indexOf("\\E", i + 2);
          String quoted = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
          i = end < 0 ? p.length() : end + 2;
          if (quoted.isEmpty()) {
            throw new Unsupported();
          }
          for (int k = 0; k < quoted.length(); k++) {
            Info c = new Info(Set.of(String.valueOf(quoted.charAt(k))), null);
            pieces.add(k == quoted.length() - 1 ? repetition(c) : c);
          }
        } else {
          pieces.add(repetition(atom()));
        }
        for (Info piece : pieces) {
          if (piece.exact() != null) {
            Set<String> joined = product(run, piece.exact());
            if (joined != null) {
              run = joined;
              continue;
            }
            addAll(behind, clause(run));
            run = piece.exact();
          } else {
            addAll(behind, clause(run));
            addAll(behind, piece.cnf());
            run = EMPTY;
          }
        }
      }
      if (behind.isEmpty()) {
        return new Info(run, null);
      }
      addAll(behind, clause(run));
      return new Info(null, behind);
    }

    private Info repetition(Info atom) {
      Info result = atom;
      while (i < p.length()) {
        char c = p.charAt(i);
        int min;
        int max;
        if (c == '*') {
          i++;
          min = 0;
          max = -1;
        } else if (c == '+') {
          i++;
          min = 1;
          max = -1;
        } else if (c == '?') {
          i++;
          min = 0;
          max = 1;
        } else if (c == '{' && p.substring(i).matches("\\{\\d+(,\\d*)?}.*")) {
          int close = p.indexOf('}', i);
          String[] bounds = p.substring(i + 1, close).split(",", -1);
          min = Integer.parseInt(bounds[0]);
          max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
          i = close + 1;
        } else {
          return result;
        }
        if (i < p.length() && p.charAt(i) == '?') {
          i++; // non-greedy: the same strings match
        }
        result = repeat(result, min, max);
      }
      return result;
    }

    private static Info repeat(Info x, int min, int max) {
      if (min == 0) {
        if (max == 1 && x.exact() != null) {
          Set<String> optional = new LinkedHashSet<>(x.exact());
          optional.add("");
          return Info.exactly(optional);
        }
        return max == 0 ? new Info(EMPTY, null) : Info.ANY;
      }
      if (min > MAX_LENGTH) {
        return new Info(null, x.toCnf());
      }
      Info result = x;
      for (int k = 1; k < min; k++) {
        result = and(result, x);
      }
      return max == min ? result : new Info(null, result.toCnf());
    }

    private Info atom() {
      char c = p.charAt(i++);
      switch (c) {
        case '^', '$':
          return new Info(EMPTY, null);
        case '.':
          return Info.ANY;
        case '(':
          return group();
        case '[':
          return characterClass();
        case '\\':
          return escape();
        default:
          return new Info(Set.of(String.valueOf(c)), null);
      }
    }

    private Info group() {
      if (p.startsWith("?:", i)) {
        i += 2;
      } else if (p.startsWith("?P<", i) || p.startsWith("?<", i)) {
        i = p.indexOf('>', i) + 1;
        if (i == 0) {
          throw new Unsupported();
        }
      } else if (p.startsWith("?", i)) {
        int j = i + 1;
        while (j < p.length() && "imsU-".indexOf(p.charAt(j)) >= 0) {
          j++;
        }
        if (j >= p.length() || j == i + 1) {
          throw new Unsupported();
        }
        if (p.charAt(j) == ')') {
          i = j + 1;
          return new Info(EMPTY, null); // flags only; no letters or case matter in a number
        }
        if (p.charAt(j) != ':') {
          throw new Unsupported();
        }
        i = j + 1;
      }
      Info inner = alternation();
      if (i >= p.length() || p.charAt(i) != ')') {
        throw new Unsupported();
      }
      i++;
      return inner;
    }

    private Info characterClass() {
      boolean negated = i < p.length() && p.charAt(i) == '^';
      if (negated) {
        i++;
      }
      Set<String> chars = new LinkedHashSet<>();
      boolean known = !negated;
      boolean first = true;
      while (p.charAt(i) != ']' || first) {
        first = false;
        if (p.startsWith("[:", i)) {
          int close = p.indexOf(":]", i + 2);
          if (close < 0) {
            throw new Unsupported();
          }
          i = close + 2;
          known = false;
          continue;
        }
        char c = p.charAt(i++);
        if (c == '\\') {
          char e = p.charAt(i++);
          if (e == 'd') {
            chars.addAll(DIGITS);
            continue;
          }
          if (e == 'p' || e == 'P') {
            if (p.charAt(i) == '{') {
              i = p.indexOf('}', i) + 1;
            } else {
              i++;
            }
            known = false;
            continue;
          }
          if (Character.isLetterOrDigit(e)) {
            if ("DsSwW".indexOf(e) < 0) {
              throw new Unsupported(); // \x, octal, \Q...: not modelled
            }
            known = false;
            continue;
          }
          c = e;
        }
        if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          char to = p.charAt(i + 1);
          if (to == '\\' || to == '[') {
            throw new Unsupported();
          }
          i += 2;
          if (to - c > MAX_SET) {
            known = false;
          } else {
            for (char x = c; x <= to; x++) {
              chars.add(String.valueOf(x));
            }
          }
        } else {
          chars.add(String.valueOf(c));
        }
      }
      i++; // ']'
      return known && !chars.isEmpty() ? Info.exactly(chars) : Info.ANY;
    }

    private Info escape() {
      char e = p.charAt(i++);
      switch (e) {
        case 'd':
          return new Info(DIGITS, null);
        case 'D', 's', 'S', 'w', 'W':
          return Info.ANY;
        case 'A', 'z', 'b', 'B':
          return new Info(EMPTY, null);
        case 'p', 'P':
          if (p.charAt(i) == '{') {
            i = p.indexOf('}', i) + 1;
            if (i == 0) {
              throw new Unsupported();
            }
          } else {
            i++;
          }
          return Info.ANY;
        default:
          if (Character.isLetterOrDigit(e)) {
            throw new Unsupported(); // \x, octal, \t and friends: not modelled
          }
          return new Info(Set.of(String.valueOf(e)), null);
      }
    }

    /** Both parts in sequence. */
    private static Info and(Info a, Info b) {
      if (a.exact() != null && b.exact() != null) {
        Set<String> joined = product(a.exact(), b.exact());
        if (joined != null) {
          return new Info(joined, null);
        }
      }
      List<Set<String>> clauses = new ArrayList<>(a.toCnf());
      addAll(clauses, b.toCnf());
      return new Info(null, clauses);
    }

    /** Every string of {@code a} followed by every string of {@code b}, or null when too many or too long. */
    private static Set<String> product(Set<String> a, Set<String> b) {
      if ((long) a.size() * b.size() > MAX_SET) {
        return null;
      }
      Set<String> product = new LinkedHashSet<>();
      for (String x : a) {
        for (String y : b) {
          if (x.length() + y.length() > MAX_LENGTH) {
            return null;
          }
          product.add(x + y);
        }
      }
      return product;
    }

    /** Adds clauses not yet present, up to {@link #MAX_CLAUSES} (dropping one only weakens the filter). */
    private static void addAll(List<Set<String>> clauses, List<Set<String>> more) {
      for (Set<String> c : more) {
        if (!clauses.contains(c) && clauses.size() < MAX_CLAUSES) {
          clauses.add(c);
        }
      }
    }

    /** Either part. */
    private static Info or(Info a, Info b) {
      if (a.exact() != null && b.exact() != null) {
        Set<String> union = new LinkedHashSet<>(a.exact());
        union.addAll(b.exact());
        return Info.exactly(union);
      }
      List<Set<String>> left = a.toCnf();
      List<Set<String>> right = b.toCnf();
      List<Set<String>> clauses = new ArrayList<>();
      for (Set<String> x : left) {
        for (Set<String> y : right) {
          Set<String> either = new LinkedHashSet<>(x);
          either.addAll(y);
          if (either.size() <= MAX_SET && clauses.size() < MAX_CLAUSES) {
            clauses.add(either);
          }
        }
      }
      return new Info(null, clauses);
    }

    /** One clause "contains one of {@code strings}", or none when a string is too short to be worth testing. */
    private static List<Set<String>> clause(Set<String> strings) {
      for (String s : strings) {
        if (s.length() < 2) {
          return List.of();
        }
      }
      return List.of(strings);
    }
  }
}
