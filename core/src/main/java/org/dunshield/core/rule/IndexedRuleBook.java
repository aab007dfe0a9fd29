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
import org.dunshield.core.internal.LongIntHashMap;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Action;

/**
 * Rules indexed so a decision never tries every pattern:
 *
 * <ul>
 *   <li>exact rules live in parallel primitive arrays keyed by a {@link LongIntHashMap} from the
 *       number's digits (about 42 bytes a rule, no object per rule); a rule's label and schedule,
 *       when it has them, are an index into a table of the distinct (label, schedule) pairs, so a
 *       million rules labelled {@code debt_collection} cost 4 bytes a rule more, not a rule object;
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
  private static final Action[] ACTIONS = Action.values();
  private static final ChannelScope[] SCOPES = ChannelScope.values();
  private static final int EXACT_SPECIFICITY = RuleOrder.specificity(MatchKind.EXACT, "");

  // Exact rules, compact: slot -> id, priority, action/channel, next slot with the same number.
  private final LongIntHashMap exactHead;
  /**
   * Two longs a slot, so a hit reads one cache line: the rule id, then priority (high 32 bits),
   * meta (action, channel, has-extra: 8 bits) and 1 + the next slot with the same number (24 bits).
   */
  private long[] exactSlots;
  private int exactCount;
  /** The most exact rules a book holds: slot links are 24 bits. */
  static final int MAX_EXACT_RULES = (1 << 24) - 2;
  /** Per slot with meta bit 0x10: index into {@link #extras}; allocated when the first such rule comes. */
  private int[] exactExtra;
  /** The distinct label and schedule pairs of exact rules that have either. */
  private Extra[] extras;
  private Map<Extra, Integer> extraIndex = new HashMap<>(); // while building

  /** What an exact rule has beyond number, action, channel and priority. */
  private record Extra(String label, Schedule schedule) {}

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
  /** The same per index: an exact match at or above an index's highest priority skips that index. */
  private int maxPrefixPriority = Integer.MIN_VALUE;
  private int maxSuffixPriority = Integer.MIN_VALUE;
  private int maxLiteralPriority = Integer.MIN_VALUE;
  private final int size;

  IndexedRuleBook(Iterable<Rule> rules, NumberForms forms) {
    this.forms = forms;
    int expected = rules instanceof java.util.Collection<?> c ? c.size() : 16;
    exactHead = new LongIntHashMap(expected);
    exactSlots = new long[2 * Math.max(16, Math.min(expected, MAX_EXACT_RULES))];
    String countryDigits = forms.countryDigits();
    Map<NumberKind, List<CompiledRule>> kinds = new EnumMap<>(NumberKind.class);
    int count = 0;
    for (Rule rule : rules) {
      count++;
      if (rule.kind() == MatchKind.EXACT) {
        addExact(rule);
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
          maxSuffixPriority = Math.max(maxSuffixPriority, rule.priority());
        } else {
          byPrefix.add(prefix, compiled);
          maxPrefixPriority = Math.max(maxPrefixPriority, rule.priority());
        }
      }
    }
    this.size = count;
    byPrefix.freeze();
    bySuffix.freeze();
    kinds.forEach((kind, list) -> byKind.put(kind, list.toArray(new CompiledRule[0])));
    exactSlots = Arrays.copyOf(exactSlots, 2 * exactCount);
    exactExtra = exactExtra == null ? null : Arrays.copyOf(exactExtra, exactCount);
    extras = new Extra[extraIndex.size()];
    extraIndex.forEach((extra, index) -> extras[index] = extra);
    extraIndex = null;
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
    // exact
    for (int slot = exactHead.get(number.digits()); slot != LongIntHashMap.MISSING && slot >= 0; slot = next(slot)) {
      int meta = meta(slot);
      boolean active = SCOPES[(meta >> 2) & 3].covers(channel);
      if (active && (meta & 0x10) != 0) {
        Schedule schedule = extras[exactExtra[slot]].schedule();
        active = schedule == null || schedule.activeAt(at.atZone(zone));
      }
      if (active && (bestExact < 0 || exactWins(slot, bestExact))) {
        bestExact = slot;
      }
    }
    if (bestExact >= 0 && priority(bestExact) >= maxPatternPriority) {
      return exactMatch(bestExact, number); // an exact rule is more specific than any pattern of equal priority
    }
    // trie path: only rules that would beat the exact winner (if any) are tried, and an index whose
    // rules all rank at or below the exact winner's priority is skipped (a pattern that beat the
    // exact rule ranks above it, so those rules cannot beat that pattern either)
    int bar = bestExact >= 0 ? priority(bestExact) : Integer.MIN_VALUE;
    String digits = number.digitString();
    if (bestExact < 0 || bar < maxPrefixPriority) {
      best = bestAlong(byPrefix, false, number, digits, channel, at, zone, best, bestExact);
    }
    if (anyByLiteral && (bestExact < 0 || bar < maxLiteralPriority)) {
      best = bestByLiterals(number, digits, channel, at, zone, best, bestExact);
    }
    if (bestExact < 0 || bar < maxSuffixPriority) {
      best = bestAlong(bySuffix, true, number, digits, channel, at, zone, best, bestExact);
    }
    best = bestOf(byKind.get(number.kind()), number, digits, channel, at, zone, best, bestExact);
    if (best != null) {
      return best.toMatch();
    }
    return bestExact >= 0 ? exactMatch(bestExact, number) : null;
  }

  /**
   * The best of {@code best} and the rules met walking {@code trie} along the number's digits, from
   * the first one or ({@code fromEnd}) from the last one; the root's rules are tried first.
   */
  private CompiledRule bestAlong(DigitTrie trie, boolean fromEnd, PhoneNumber number, String digits,
      Channel channel, Instant at, ZoneId zone, CompiledRule best, int exactBar) {
    CompiledRule[][] rulesAt = trie.rules;
    int[] children = trie.children;
    best = bestOf(rulesAt[0], number, digits, channel, at, zone, best, exactBar);
    int n = digits.length();
    for (int k = 0, node = 0; k < n; k++) {
      int i = fromEnd ? n - 1 - k : k;
      node = children[node * 10 + (digits.charAt(i) - '0')];
      if (node < 0) {
        break;
      }
      best = bestOf(rulesAt[node], number, digits, channel, at, zone, best, exactBar);
    }
    return best;
  }

  private RuleMatch exactMatch(int slot, PhoneNumber number) {
    String label = (meta(slot) & 0x10) != 0 ? extras[exactExtra[slot]].label() : "";
    return new RuleMatch(id(slot), ACTIONS[meta(slot) & 3], MatchKind.EXACT, number.e164(), priority(slot), label);
  }

  private long id(int slot) {
    return exactSlots[2 * slot];
  }

  private int priority(int slot) {
    return (int) (exactSlots[2 * slot + 1] >> 32);
  }

  private int meta(int slot) {
    return (int) (exactSlots[2 * slot + 1] >>> 24) & 0xFF;
  }

  private int next(int slot) {
    return (int) (exactSlots[2 * slot + 1] & 0xFFFFFF) - 1;
  }

  private boolean exactWins(int a, int b) {
    return RuleOrder.compare(priority(a), EXACT_SPECIFICITY, ACTIONS[meta(a) & 3], id(a),
        priority(b), EXACT_SPECIFICITY, ACTIONS[meta(b) & 3], id(b)) < 0;
  }

  /**
   * The best of {@code best} and the matching active candidates that beat it; while {@code best} is
   * null, a candidate must beat the exact rule in slot {@code exactBar} (when not -1), so patterns
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

  private boolean beatsExact(CompiledRule c, int slot) {
    return RuleOrder.compare(c.rule().priority(), c.specificity(), c.rule().action(), c.rule().id(),
        priority(slot), EXACT_SPECIFICITY, ACTIONS[meta(slot) & 3], id(slot)) < 0;
  }

  private void addExact(Rule rule) {
    if (exactCount == MAX_EXACT_RULES) {
      throw new IllegalArgumentException("a rule book holds at most " + MAX_EXACT_RULES + " exact rules");
    }
    if (2 * exactCount == exactSlots.length) {
      int n = Math.min(exactCount * 2, MAX_EXACT_RULES);
      exactSlots = Arrays.copyOf(exactSlots, 2 * n);
      exactExtra = exactExtra == null ? null : Arrays.copyOf(exactExtra, n);
    }
    int slot = exactCount++;
    boolean extra = !rule.label().isEmpty() || rule.schedule() != null;
    int meta = rule.action().ordinal() | (rule.channel().ordinal() << 2) | (extra ? 0x10 : 0);
    if (extra) {
      if (exactExtra == null) {
        exactExtra = new int[exactSlots.length / 2];
      }
      exactExtra[slot] = extraIndex.computeIfAbsent(new Extra(rule.label(), rule.schedule()), e -> extraIndex.size());
    }
    long key = Long.parseLong(rule.pattern().substring(1));
    int previous = exactHead.put(key, slot);
    int link = previous == LongIntHashMap.MISSING ? 0 : previous + 1;
    exactSlots[2 * slot] = rule.id();
    exactSlots[2 * slot + 1] = ((long) rule.priority() << 32) | ((long) meta << 24) | link;
  }

  /**
   * A trie over decimal digits whose nodes hold the rules indexed by the digits on the path to them;
   * built with {@link #add}, then {@link #freeze}d into arrays for lookups.
   */
  private static final class DigitTrie {
    int[] children = new int[10 * 64];
    CompiledRule[][] rules;
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
