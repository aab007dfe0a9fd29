package org.dunshield.core.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dunshield.core.number.InvalidNumberException;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;

/**
 * Finds pairs of rules with different actions that can match the same number, and says which one
 * wins. Exact, prefix and wildcard rules are compared exactly (intersection of digit patterns);
 * regex and type rules are compared on example numbers drawn from the other rule, so a reported
 * conflict always comes with a number both rules match. Thread-safe.
 */
public final class RuleConflicts {
  private final NumberParser numbers;
  private final NumberForms forms;

  public RuleConflicts(NumberParser numbers) {
    this.numbers = numbers;
    this.forms = new NumberForms(numbers);
  }

  public List<RuleConflict> find(List<Rule> rules) {
    List<CompiledRule> compiled = new ArrayList<>();
    for (Rule r : rules) {
      compiled.add(new CompiledRule(r, forms));
    }
    List<RuleConflict> conflicts = new ArrayList<>();
    for (int i = 0; i < compiled.size(); i++) {
      for (int j = i + 1; j < compiled.size(); j++) {
        CompiledRule a = compiled.get(i);
        CompiledRule b = compiled.get(j);
        if (a.rule().action() == b.rule().action() || !a.rule().channel().overlaps(b.rule().channel())) {
          continue;
        }
        String example = commonNumber(a, b);
        boolean hiddenBoth = example == null && a.matches(null) && b.matches(null);
        if (example == null && !hiddenBoth) {
          continue;
        }
        boolean aWins = RuleOrder.compare(a, b) < 0;
        CompiledRule winner = aWins ? a : b;
        CompiledRule loser = aWins ? b : a;
        boolean overlap = a.rule().schedule() == null || b.rule().schedule() == null
            || a.rule().schedule().overlaps(b.rule().schedule());
        conflicts.add(new RuleConflict(winner.rule(), loser.rule(), example, why(winner, loser), overlap));
      }
    }
    return conflicts;
  }

  private static String why(CompiledRule w, CompiledRule l) {
    if (w.rule().priority() != l.rule().priority()) {
      return "priority";
    }
    if (w.specificity() != l.specificity()) {
      return "specificity";
    }
    if (w.rule().action() != l.rule().action()) {
      return "action";
    }
    return "age";
  }

  /** A number (E.164) both rules match, or {@code null}. */
  private String commonNumber(CompiledRule a, CompiledRule b) {
    if (isDigitPattern(a) && isDigitPattern(b)) {
      String ga = glob(a);
      String gb = glob(b);
      String w = Glob.witness(ga, gb);
      if (w == null) {
        return null;
      }
      String shortest = null;
      for (int extra = 0; extra <= 12; extra++) {
        String candidate = w + "0".repeat(extra);
        if (Glob.matches(ga, candidate) && Glob.matches(gb, candidate)) {
          if (realNumber("+" + candidate)) {
            return "+" + candidate;
          }
          shortest = shortest == null ? "+" + candidate : shortest;
        }
      }
      return shortest;
    }
    for (String candidate : examples(a, b)) {
      String found = confirmed(candidate, a, b);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String confirmed(String e164, CompiledRule a, CompiledRule b) {
    PhoneNumber n;
    try {
      n = numbers.parse(e164);
    } catch (InvalidNumberException e) {
      try {
        n = PhoneNumber.of(e164, org.dunshield.core.number.NumberKind.UNKNOWN);
      } catch (IllegalArgumentException notE164) {
        return null;
      }
    }
    return a.matches(n) && b.matches(n) ? n.e164() : null;
  }

  private static boolean isDigitPattern(CompiledRule r) {
    MatchKind k = r.rule().kind();
    return k == MatchKind.EXACT || k == MatchKind.PREFIX || k == MatchKind.WILDCARD;
  }

  private static String glob(CompiledRule r) {
    String digits = r.rule().pattern().substring(1);
    return r.rule().kind() == MatchKind.PREFIX ? digits + "*" : digits;
  }

  private boolean realNumber(String e164) {
    try {
      return numbers.parse(e164).kind() != org.dunshield.core.number.NumberKind.UNKNOWN;
    } catch (InvalidNumberException e) {
      return false;
    }
  }

  /** Example numbers drawn from both rules' patterns, for rules that cannot be intersected exactly. */
  private Set<String> examples(CompiledRule a, CompiledRule b) {
    Set<String> out = new LinkedHashSet<>();
    for (CompiledRule r : List.of(a, b)) {
      if (isDigitPattern(r)) {
        String g = glob(r);
        for (char fill : new char[] {'0', '1', '8'}) {
          for (int len = 8; len <= 15; len++) {
            out.add("+" + fillGlob(g, fill, len));
          }
        }
      }
    }
    String cc = Integer.toString(numbers.countryCode());
    String[] samples = {"13800138000", "17188880001", "17012345678", "16512345678", "16212345678", "16712345678",
        "1069000111", "106575550000", "95588", "10086", "12321", "110", "4008001234", "8008001234",
        "1062345678", "2155550101", "75512345678"};
    for (String s : samples) {
      out.add("+" + cc + s);
    }
    out.add("+12125550123");
    out.add("+447911123456");
    return out;
  }

  private static String fillGlob(String glob, char fill, int length) {
    StringBuilder s = new StringBuilder();
    int fixed = 0;
    for (char c : glob.toCharArray()) {
      if (c != '*') {
        fixed++;
      }
    }
    int starFill = Math.max(0, length - fixed);
    boolean firstStar = true;
    for (char c : glob.toCharArray()) {
      if (c == '?') {
        s.append(fill);
      } else if (c == '*') {
        if (firstStar) {
          s.append(String.valueOf(fill).repeat(starFill));
          firstStar = false;
        }
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
