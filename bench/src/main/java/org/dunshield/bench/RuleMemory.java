package org.dunshield.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;

/**
 * Retained heap per exact-number rule in the loaded engine ({@link RuleBook#indexed}); target at
 * most 64 bytes. Not a JMH benchmark: it measures memory, once.
 *
 * <pre>{@code
 * java -Xmx2g -cp bench/target/benchmarks.jar org.dunshield.bench.RuleMemory [rules] [label]
 * }</pre>
 *
 * It creates the number parser first (its fast-path cache is a fixed 4 MB, not per rule), takes
 * the heap in use after repeated full collections as the baseline, generates {@code rules}
 * (default 1,000,000) distinct mobile numbers as exact block rules through {@link RuleParser},
 * compiles them, drops the rule list and every other temporary, collects again and divides the
 * growth by the number of rules. With a {@code label} (e.g. {@code debt_collection}) every rule
 * carries it, which the compact exact table does not hold: that shows the cost of labelled rules.
 */
public final class RuleMemory {
  private RuleMemory() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    String label = args.length > 1 ? args[1] : "";
    NumberParser numbers = NumberParser.forRegion("CN");
    RuleParser parser = new RuleParser(numbers);
    RuleBook.indexed(List.of(parser.parse(Action.BLOCK, MatchKind.EXACT, "13800138000", ChannelScope.BOTH, 0, "", null)),
        numbers); // load and initialise every class involved before the baseline

    long before = usedAfterGc();
    RuleBook book = RuleBook.indexed(generate(count, label, parser), numbers);
    long after = usedAfterGc();

    double perRule = (after - before) / (double) count;
    System.out.printf("RESULT rules=%d label=%s retained=%.1f MB bytes_per_rule=%.1f target=64 %s%n", book.size(),
        label.isEmpty() ? "none" : label, (after - before) / 1e6, perRule, perRule <= 64 ? "MET" : "MISSED");
    Reference.reachabilityFence(book);
    Reference.reachabilityFence(numbers);
  }

  /** Distinct exact block rules on generated mobile numbers, with ids as a store would give them. */
  static List<Rule> generate(int count, String label, RuleParser parser) {
    Mobiles mobiles = new Mobiles(new Random(ScreeningFixture.SEED));
    java.util.Set<Long> seen = new java.util.HashSet<>(count * 2);
    List<Rule> rules = new ArrayList<>(count);
    while (rules.size() < count) {
      long n = mobiles.next();
      if (!seen.add(n)) {
        continue;
      }
      Rule rule;
      try {
        rule = parser.parse(Action.BLOCK, MatchKind.EXACT, Long.toString(n), ChannelScope.BOTH, 0, label, null);
      } catch (IllegalArgumentException notAMobile) {
        continue;
      }
      rules.add(rule.withId(rules.size() + 1L));
    }
    return rules;
  }

  /** Heap in use once repeated full collections stop freeing anything. */
  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used && i >= 3) {
        return Math.min(now, used);
      }
      used = Math.min(used, now);
    }
    return used;
  }
}
