package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

/**
 * The exact table keeps every rule through growth of the table and of its overflow area: numbers
 * with several rules, labels and schedules, rules added before and after a rehash.
 */
class ExactRuleTableTest {
  private static final RuleParser RULES = new RuleParser(NumberParser.forRegion("CN"));
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T04:00:00Z");

  @Test
  void findsEveryRuleAfterGrowingFromNothing() {
    Random random = new Random(7);
    ExactRuleTable table = new ExactRuleTable(0);
    Map<Long, List<Rule>> byNumber = new HashMap<>();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      numbers.add("1" + (3_000_000_000L + random.nextInt(900_000_000)));
    }
    for (int id = 1; id <= 5000; id++) {
      // the first numbers come back often, so chains grow before and after each rehash
      String number = numbers.get(id % 4 == 0 ? random.nextInt(20) : random.nextInt(numbers.size()));
      Rule rule = RULES.parse(random.nextBoolean() ? Action.BLOCK : Action.ALLOW, MatchKind.EXACT, number,
          ChannelScope.values()[random.nextInt(3)], random.nextInt(5) - 2, id % 7 == 0 ? "boss" : "",
          id % 11 == 0 ? "Mon-Fri 22:00-08:00" : null).withId(id);
      table.add(rule);
      byNumber.computeIfAbsent(Long.parseLong(rule.pattern().substring(1)), k -> new ArrayList<>()).add(rule);
    }
    table.freeze();

    for (Map.Entry<Long, List<Rule>> expected : byNumber.entrySet()) {
      List<Long> found = new ArrayList<>();
      for (int e = table.first(expected.getKey()); e != ExactRuleTable.NONE; e = table.next(e)) {
        Rule rule = ruleWithId(expected.getValue(), table.id(e));
        assertThat(table.priority(e)).isEqualTo(rule.priority());
        assertThat(table.action(e)).isEqualTo(rule.action());
        assertThat(table.label(e)).isEqualTo(rule.label());
        for (Channel channel : Channel.values()) {
          boolean active = rule.channel().covers(channel)
              && (rule.schedule() == null || rule.schedule().activeAt(MONDAY_NOON.atZone(ZONE)));
          assertThat(table.activeFor(e, channel, MONDAY_NOON, ZONE)).isEqualTo(active);
        }
        found.add(table.id(e));
      }
      assertThat(found).containsExactlyInAnyOrderElementsOf(expected.getValue().stream().map(Rule::id).toList());
    }
    assertThat(table.first(8613000000001L)).isEqualTo(ExactRuleTable.NONE);
  }

  private static Rule ruleWithId(List<Rule> rules, long id) {
    return rules.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }
}
