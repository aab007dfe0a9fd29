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
 *       digits; a lookup walks the number's at most 15 digits and tries only the rules met on the way
 *       (rules with no fixed digits sit at the root);
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
  private long[] exactIds;
  private int[] exactPriority;
  private byte[] exactMeta;
  private int[] exactNext;
  private int exactCount;
  /** Per slot with meta bit 0x10: index into {@link #extras}; allocated when the first such rule comes. */
  private int[] exactExtra;
  /** The distinct label and schedule pairs of exact rules that have either. */
  private Extra[] extras;
  private Map<Extra, Integer> extraIndex = new HashMap<>(); // while building

  /** What an exact rule has beyond number, action, channel and priority. */
  private record Extra(String label, Schedule schedule) {}

  // Digit trie over E.164 digits.
  private int[] children = new int[10 * 64];
  private final List<CompiledRule[]> rulesAtNode = new ArrayList<>();
  private int nodes;

  private final Map<NumberKind, CompiledRule[]> byKind = new EnumMap<>(NumberKind.class);
  /** The highest priority of the non-exact rules: an exact match at or above it cannot be beaten. */
  private int maxPatternPriority = Integer.MIN_VALUE;
  private final int size;

  IndexedRuleBook(Iterable<Rule> rules, NumberForms forms) {
    int expected = rules instanceof java.util.Collection<?> c ? c.size() : 16;
    exactHead = new LongIntHashMap(expected);
    exactIds = new long[Math.max(16, expected)];
    exactPriority = new int[exactIds.length];
    exactMeta = new byte[exactIds.length];
    exactNext = new int[exactIds.length];
    Arrays.fill(children, -1);
    newNode();
    Map<Integer, List<CompiledRule>> atNode = new HashMap<>();
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
        atNode.computeIfAbsent(nodeFor(compiled.literalPrefix()), k -> new ArrayList<>()).add(compiled);
      }
    }
    this.size = count;
    for (int i = 0; i < nodes; i++) {
      rulesAtNode.add(null);
    }
    atNode.forEach((node, list) -> rulesAtNode.set(node, list.toArray(new CompiledRule[0])));
    kinds.forEach((kind, list) -> byKind.put(kind, list.toArray(new CompiledRule[0])));
    exactIds = Arrays.copyOf(exactIds, exactCount);
    exactPriority = Arrays.copyOf(exactPriority, exactCount);
    exactMeta = Arrays.copyOf(exactMeta, exactCount);
    exactNext = Arrays.copyOf(exactNext, exactCount);
    exactExtra = exactExtra == null ? null : Arrays.copyOf(exactExtra, exactCount);
    extras = new Extra[extraIndex.size()];
    extraIndex.forEach((extra, index) -> extras[index] = extra);
    extraIndex = null;
    children = Arrays.copyOf(children, nodes * 10);
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
    for (int slot = exactHead.get(number.digits()); slot != LongIntHashMap.MISSING && slot >= 0; slot = exactNext[slot]) {
      boolean active = SCOPES[(exactMeta[slot] >> 2) & 3].covers(channel);
      if (active && (exactMeta[slot] & 0x10) != 0) {
        Schedule schedule = extras[exactExtra[slot]].schedule();
        active = schedule == null || schedule.activeAt(at.atZone(zone));
      }
      if (active && (bestExact < 0 || exactWins(slot, bestExact))) {
        bestExact = slot;
      }
    }
    if (bestExact >= 0 && exactPriority[bestExact] >= maxPatternPriority) {
      return exactMatch(bestExact, number); // an exact rule is more specific than any pattern of equal priority
    }
    // trie path: only rules that would beat the exact winner (if any) are tried
    String digits = number.digitString();
    int node = 0;
    best = bestOf(rulesAtNode.get(0), number, digits, channel, at, zone, best, bestExact);
    for (int i = 0; i < digits.length(); i++) {
      node = children[node * 10 + (digits.charAt(i) - '0')];
      if (node < 0) {
        break;
      }
      best = bestOf(rulesAtNode.get(node), number, digits, channel, at, zone, best, bestExact);
    }
    best = bestOf(byKind.get(number.kind()), number, digits, channel, at, zone, best, bestExact);
    if (best != null) {
      return best.toMatch();
    }
    return bestExact >= 0 ? exactMatch(bestExact, number) : null;
  }

  private RuleMatch exactMatch(int slot, PhoneNumber number) {
    String label = (exactMeta[slot] & 0x10) != 0 ? extras[exactExtra[slot]].label() : "";
    return new RuleMatch(exactIds[slot], ACTIONS[exactMeta[slot] & 3], MatchKind.EXACT, number.e164(),
        exactPriority[slot], label);
  }

  private boolean exactWins(int a, int b) {
    return RuleOrder.compare(exactPriority[a], EXACT_SPECIFICITY, ACTIONS[exactMeta[a] & 3], exactIds[a],
        exactPriority[b], EXACT_SPECIFICITY, ACTIONS[exactMeta[b] & 3], exactIds[b]) < 0;
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
        exactPriority[slot], EXACT_SPECIFICITY, ACTIONS[exactMeta[slot] & 3], exactIds[slot]) < 0;
  }

  private void addExact(Rule rule) {
    if (exactCount == exactIds.length) {
      int n = exactIds.length * 2;
      exactIds = Arrays.copyOf(exactIds, n);
      exactPriority = Arrays.copyOf(exactPriority, n);
      exactMeta = Arrays.copyOf(exactMeta, n);
      exactNext = Arrays.copyOf(exactNext, n);
      exactExtra = exactExtra == null ? null : Arrays.copyOf(exactExtra, n);
    }
    int slot = exactCount++;
    exactIds[slot] = rule.id();
    exactPriority[slot] = rule.priority();
    boolean extra = !rule.label().isEmpty() || rule.schedule() != null;
    exactMeta[slot] = (byte) (rule.action().ordinal() | (rule.channel().ordinal() << 2) | (extra ? 0x10 : 0));
    if (extra) {
      if (exactExtra == null) {
        exactExtra = new int[exactIds.length];
      }
      exactExtra[slot] = extraIndex.computeIfAbsent(new Extra(rule.label(), rule.schedule()), e -> extraIndex.size());
    }
    long key = Long.parseLong(rule.pattern().substring(1));
    int previous = exactHead.put(key, slot);
    exactNext[slot] = previous == LongIntHashMap.MISSING ? -1 : previous;
  }

  private int nodeFor(String digits) {
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
