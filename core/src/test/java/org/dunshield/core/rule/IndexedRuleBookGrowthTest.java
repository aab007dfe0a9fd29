package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

/** The digit trie grows past its first allocation (64 nodes) without losing edges. */
class IndexedRuleBookGrowthTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");

  @Test
  void findsEveryPrefixOfAThousandSevenDigitBlocks() {
    RuleParser parser = new RuleParser(CN);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String block = Integer.toString(1_300_000 + i * 397);
      rules.add(parser.parse(Action.BLOCK, MatchKind.PREFIX, block, ChannelScope.BOTH, 0, "", null).withId(i + 1));
    }
    RuleBook book = RuleBook.indexed(rules, CN);
    for (int i = 0; i < 1000; i++) {
      String number = (1_300_000 + i * 397) + "1234";
      RuleMatch match = book.match(CN.parse(number), Channel.CALL, Instant.EPOCH, ZoneId.of("Asia/Shanghai"));
      assertThat(match).as(number).isNotNull();
      assertThat(match.ruleId()).isEqualTo(i + 1);
    }
  }
}
