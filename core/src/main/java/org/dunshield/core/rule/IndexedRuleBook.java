package org.dunshield.core.rule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;

/**
 * Rules indexed so a decision never tries every pattern:
 *
 * <ul>
 *   <li>exact rules live in an {@link ExactRuleTable} keyed by the number's digits (about 40 bytes a
 *       rule, no object per rule, one cache line read per lookup);
 *   <li>prefix, wildcard and regex rules hang in a digit trie at the node of their fixed leading
 *       digits, or, when their fixed trailing digits say more ({@code 171????8888}, {@code *8888},
 *       {@code \d{5}0000$}), in a second trie over the digits read from the end; a lookup walks
 *       the number's at most 15 digits through both and tries only the rules met on the way;
 *   <li>regex rules that say more by the digits every match contains somewhere
 *       ({@code (?:1234|5678)$}, {@code 0{5}}, {@code ^(?:170|171)0}) are filed under the first
 *       two or three of those digits and tried when the number contains them; rules with no fixed
 *       digits at all sit at the prefix trie's root;
 *   <li>type rules are grouped by kind.
 * </ul>
 *
 * Among the matches, {@link RuleOrder} picks the winner. Immutable and thread-safe once built.
 */
final class IndexedRuleBook implements RuleBook {
  private static final int EXACT_SPECIFICITY = RuleOrder.specificity(MatchKind.EXACT, "");

  private final ExactRuleTable exact;

  /** Pattern rules by their leading E.164 digits, walked from the first digit. */
  private final DigitTrie byPrefix = new DigitTrie();
  /** Pattern rules by their trailing digits, walked from the last digit. */
  private final DigitTrie bySuffix = new DigitTrie();
  /** Regex rules by the first two or three digits of the strings one of which every match contains. */
  private final CompiledRule[][] byBigram = new CompiledRule[100][];
  private final CompiledRule[][] byTrigram = new CompiledRule[1000][];
  private boolean anyByLiteral;
  private final NumberForms forms;

  private final Map<NumberKind, CompiledRule[]> byKind = new EnumMap<>(NumberKind.class);
  /** The highest priority of the non-exact rules: an exact match at or above it cannot be beaten. */
  private int maxPatternPriority = Integer.MIN_VALUE;
  /** The same for the literal index (the tries keep theirs per node). */
  private int maxLiteralPriority = Integer.MIN_VALUE;
  private final int size;

  IndexedRuleBook(Iterable<Rule> rules, NumberForms forms) {
    this.forms = forms;
    int expected = rules instanceof java.util.Collection<?> c ? c.size() : 16;
    exact = new ExactRuleTable(expected);
    String countryDigits = forms.countryDigits();
    Map<NumberKind, List<CompiledRule>> kinds = new EnumMap<>(NumberKind.class);
    int count = 0;
    for (Rule rule : rules) {
      count++;
      if (rule.kind() == MatchKind.EXACT) {
        exact.add(rule);
      } else if (rule.kind() == MatchKind.TYPE) {
        maxPatternPriority = Math.max(maxPatternPriority, rule.priority());
        CompiledRule compiled = new CompiledRule(rule, forms);
        NumberKind kind = NumberKind.fromCode(rule.pattern());
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(compiled);
        if (kind == NumberKind.MOBILE) {
          kinds.computeIfAbsent(NumberKind.VIRTUAL_MOBILE, k -> new ArrayList<>()).add(compiled);
        }
      } else {
        maxPatternPriority = Math.max(maxPatternPriority, rule.priority());
        CompiledRule compiled = new CompiledRule(rule, forms);
        String prefix = compiled.literalPrefix();
        String suffix = compiled.literalSuffix();
        String[] contained = compiled.requiredDigitClause();
        int byPrefixScore = prefixSelectivity(prefix, countryDigits);
        int bySuffixScore = suffix.length();
        int byLiteralScore = literalSelectivity(contained);
        if (byLiteralScore > byPrefixScore && byLiteralScore > bySuffixScore) {
          addByLiterals(contained, compiled);
          maxLiteralPriority = Math.max(maxLiteralPriority, rule.priority());
        } else if (bySuffixScore > byPrefixScore) {
          bySuffix.add(new StringBuilder(suffix).reverse(), compiled);
        } else {
          byPrefix.add(prefix, compiled);
        }
      }
    }
    this.size = count;
    byPrefix.freeze();
    bySuffix.freeze();
    kinds.forEach((kind, list) -> byKind.put(kind, list.toArray(new CompiledRule[0])));
    exact.freeze();
  }

  /**
   * How many of a prefix's digits narrow the candidates: the country code and the first national
   * digit ({@code 1} for every Chinese mobile) are shared by most callers, so {@code 86171} counts 2,
   * while a suffix such as {@code 8888} counts 4: a rule goes where it is tried least often.
   */
  private static int prefixSelectivity(String prefix, String countryDigits) {
    int national = prefix.startsWith(countryDigits) ? prefix.length() - countryDigits.length() : prefix.length();
    return Math.max(0, national - 1);
  }

  /**
   * The same for digits a match contains somewhere: a number has a dozen places to contain three
   * given digits, so they narrow about as much as two at a fixed place; -1 when unusable.
   */
  private static int literalSelectivity(String[] clause) {
    if (clause == null) {
      return -1;
    }
    int shortest = shortest(clause);
    return shortest >= 3 ? 2 : shortest == 2 ? 1 : -1;
  }

  private static int shortest(String[] strings) {
    int shortest = Integer.MAX_VALUE;
    for (String s : strings) {
      shortest = Math.min(shortest, s.length());
    }
    return shortest;
  }

  /** Whether the {@code length} digits at {@code at} also occur earlier in {@code digits}. */
  private static boolean occursBefore(String digits, int at, int length) {
    for (int j = 0; j < at; j++) {
      if (digits.regionMatches(j, digits, at, length)) {
        return true;
      }
    }
    return false;
  }

  /** Files the rule under the leading digits of each string of its clause. */
  private void addByLiterals(String[] clause, CompiledRule rule) {
    int n = shortest(clause) >= 3 ? 3 : 2;
    CompiledRule[][] table = n == 3 ? byTrigram : byBigram;
    for (String literal : clause) {
      int code = Integer.parseInt(literal.substring(0, n));
      CompiledRule[] at = table[code];
      if (at == null) {
        table[code] = new CompiledRule[] {rule};
      } else if (!Arrays.asList(at).contains(rule)) {
        at = Arrays.copyOf(at, at.length + 1);
        at[at.length - 1] = rule;
        table[code] = at;
      }
    }
    anyByLiteral = true;
  }

  /**
   * Tries the rules filed under the two- and three-digit strings that occur in the number's E.164
   * digits or at the start of its trunk form (the only digits a written form has that E.164 lacks);
   * each string once, however often it occurs.
   */
  private CompiledRule bestByLiterals(PhoneNumber number, String digits, Channel channel, Instant at, ZoneId zone,
      CompiledRule best, int exactBar) {
    int n = digits.length();
    for (int i = 0; i + 1 < n; i++) {
      int two = (digits.charAt(i) - '0') * 10 + (digits.charAt(i + 1) - '0');
      CompiledRule[] rules = byBigram[two];
      if (rules != null && !occursBefore(digits, i, 2)) {
        best = bestOf(rules, number, digits, channel, at, zone, best, exactBar);
      }
      if (i + 2 < n) {
        rules = byTrigram[two * 10 + (digits.charAt(i + 2) - '0')];
        if (rules != null && !occursBefore(digits, i, 3)) {
          best = bestOf(rules, number, digits, channel, at, zone, best, exactBar);
        }
      }
    }
    String trunkForm = forms.trunkForm(number);
    if (trunkForm != null) {
      for (int len = 2; len <= 3 && len <= trunkForm.length(); len++) {
        String start = trunkForm.substring(0, len);
        CompiledRule[] rules = (len == 2 ? byBigram : byTrigram)[Integer.parseInt(start)];
        if (rules != null && !digits.contains(start)) {
          best = bestOf(rules, number, digits, channel, at, zone, best, exactBar);
        }
      }
    }
    return best;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public RuleMatch match(PhoneNumber number, Channel channel, Instant at, ZoneId zone) {
    CompiledRule best = null;
    int bestExact = -1;
    if (number == null) {
      best = bestOf(byKind.get(NumberKind.HIDDEN), null, null, channel, at, zone, null, -1);
      return best == null ? null : best.toMatch();
    }
    // the digits are read before the exact lookup, so that the two memory reads (the number's text,
    // the table entry) overlap rather than wait for each other
    String digits = number.digitString();
    for (int e = exact.first(number.digits()); e != ExactRuleTable.NONE; e = exact.next(e)) {
      if (exact.activeFor(e, channel, at, zone) && (bestExact < 0 || exactWins(e, bestExact))) {
        bestExact = e;
      }
    }
    if (bestExact >= 0 && exact.priority(bestExact) >= maxPatternPriority) {
      return exactMatch(bestExact, number); // an exact rule is more specific than any pattern of equal priority
    }
    // only rules that would beat the exact winner (if any) are tried, and an index, or a trie's
    // subtree, whose rules all rank too low to beat it or the best pattern so far is skipped
    best = bestAlong(byPrefix, false, number, digits, channel, at, zone, best, bestExact);
    if (anyByLiteral && !cannotWin(maxLiteralPriority, best, bestExact)) {
      best = bestByLiterals(number, digits, channel, at, zone, best, bestExact);
    }
    best = bestAlong(bySuffix, true, number, digits, channel, at, zone, best, bestExact);
    best = bestOf(byKind.get(number.kind()), number, digits, channel, at, zone, best, bestExact);
    if (best != null) {
      return best.toMatch();
    }
    return bestExact >= 0 ? exactMatch(bestExact, number) : null;
  }

  /**
   * The best of {@code best} and the rules met walking {@code trie} along the number's digits, from
   * the first one or ({@code fromEnd}) from the last one; the root's rules are tried first. The walk
   * stops where no rule below can beat {@code best} or the exact rule in entry {@code exactBar}.
   */
  private CompiledRule bestAlong(DigitTrie trie, boolean fromEnd, PhoneNumber number, String digits,
      Channel channel, Instant at, ZoneId zone, CompiledRule best, int exactBar) {
    CompiledRule[][] rulesAt = trie.rules;
    int[] children = trie.children;
    int[] maxBelow = trie.maxBelow;
    int n = digits.length();
    for (int k = 0, node = 0; node >= 0 && !cannotWin(maxBelow[node], best, exactBar); k++) {
      best = bestOf(rulesAt[node], number, digits, channel, at, zone, best, exactBar);
      if (k == n) {
        break;
      }
      node = children[node * 10 + (digits.charAt(fromEnd ? n - 1 - k : k) - '0')];
    }
    return best;
  }

  /**
   * Whether no rule of at most {@code maxPriority} can beat {@code best}, or, while it is null, the
   * exact rule in entry {@code exactBar} (a pattern of equal priority can still beat a pattern by
   * being more specific, never an exact rule).
   */
  private boolean cannotWin(int maxPriority, CompiledRule best, int exactBar) {
    if (best != null) {
      return maxPriority < best.rule().priority();
    }
    return exactBar >= 0 && maxPriority <= exact.priority(exactBar);
  }

  private RuleMatch exactMatch(int entry, PhoneNumber number) {
    return new RuleMatch(exact.id(entry), exact.action(entry), MatchKind.EXACT, number.e164(), exact.priority(entry),
        exact.label(entry));
  }

  private boolean exactWins(int a, int b) {
    return RuleOrder.compare(exact.priority(a), EXACT_SPECIFICITY, exact.action(a), exact.id(a),
        exact.priority(b), EXACT_SPECIFICITY, exact.action(b), exact.id(b)) < 0;
  }

  /**
   * The best of {@code best} and the matching active candidates that beat it; while {@code best} is
   * null, a candidate must beat the exact rule in entry {@code exactBar} (when not -1), so patterns
   * that would lose anyway are never matched.
   */
  private CompiledRule bestOf(CompiledRule[] candidates, PhoneNumber number, String digits, Channel channel,
      Instant at, ZoneId zone, CompiledRule best, int exactBar) {
    if (candidates == null) {
      return best;
    }
    for (CompiledRule c : candidates) {
      boolean wouldWin = best != null ? RuleOrder.compare(c, best) < 0 : exactBar < 0 || beatsExact(c, exactBar);
      if (wouldWin && c.matches(number, digits) && c.activeFor(channel, at, zone)) {
        best = c;
      }
    }
    return best;
  }

  private boolean beatsExact(CompiledRule c, int entry) {
    return RuleOrder.compare(c.rule().priority(), c.specificity(), c.rule().action(), c.rule().id(),
        exact.priority(entry), EXACT_SPECIFICITY, exact.action(entry), exact.id(entry)) < 0;
  }

  /**
   * A trie over decimal digits whose nodes hold the rules indexed by the digits on the path to them;
   * built with {@link #add}, then {@link #freeze}d into arrays for lookups.
   */
  private static final class DigitTrie {
    int[] children = new int[10 * 64];
    CompiledRule[][] rules;
    /** Per node, the highest priority of the rules at it and below it (MIN_VALUE when none). */
    int[] maxBelow;
    private int nodes;
    private Map<Integer, List<CompiledRule>> building = new HashMap<>();

    DigitTrie() {
      Arrays.fill(children, -1);
      newNode();
    }

    void add(CharSequence path, CompiledRule rule) {
      building.computeIfAbsent(nodeFor(path), k -> new ArrayList<>()).add(rule);
    }

    void freeze() {
      children = Arrays.copyOf(children, nodes * 10);
      rules = new CompiledRule[nodes][];
      building.forEach((node, list) -> rules[node] = list.toArray(new CompiledRule[0]));
      building = null;
      maxBelow = new int[nodes];
      for (int node = nodes - 1; node >= 0; node--) { // a child's id is above its parent's
        int max = Integer.MIN_VALUE;
        if (rules[node] != null) {
          for (CompiledRule rule : rules[node]) {
            max = Math.max(max, rule.rule().priority());
          }
        }
        for (int digit = 0; digit < 10; digit++) {
          int child = children[node * 10 + digit];
          if (child >= 0) {
            max = Math.max(max, maxBelow[child]);
          }
        }
        maxBelow[node] = max;
      }
    }

    private int nodeFor(CharSequence digits) {
      int node = 0;
      for (int i = 0; i < digits.length(); i++) {
        int edge = node * 10 + (digits.charAt(i) - '0');
        if (children[edge] < 0) {
          int child = newNode(); // may replace the array: assign only afterwards
          children[edge] = child;
        }
        node = children[edge];
      }
      return node;
    }

    private int newNode() {
      int id = nodes++;
      if (nodes * 10 > children.length) {
        int old = children.length;
        children = Arrays.copyOf(children, old * 2);
        Arrays.fill(children, old, children.length, -1);
      }
      return id;
    }
  }
}
