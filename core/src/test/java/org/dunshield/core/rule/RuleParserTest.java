package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

class RuleParserTest {
  private final RuleParser parser = new RuleParser(NumberParser.forRegion("CN"));

  private String normalised(MatchKind kind, String pattern) {
    return parser.parse(Action.BLOCK, kind, pattern, ChannelScope.BOTH, 0, "", null).pattern();
  }

  @Test
  void nationalPrefixesGetTheCountryCodeAndLoseTheTrunkZero() {
    assertThat(normalised(MatchKind.PREFIX, "171")).isEqualTo("+86171");
    assertThat(normalised(MatchKind.PREFIX, "0755")).isEqualTo("+86755");
    assertThat(normalised(MatchKind.PREFIX, "+1 212")).isEqualTo("+1212");
    assertThat(normalised(MatchKind.PREFIX, "001212")).isEqualTo("+1212");
    assertThat(normalised(MatchKind.WILDCARD, "171*")).isEqualTo("+86171*");
    assertThat(normalised(MatchKind.WILDCARD, "138????8000")).isEqualTo("+86138????8000");
    assertThat(normalised(MatchKind.EXACT, "138 0013 8000")).isEqualTo("+8613800138000");
    assertThat(normalised(MatchKind.TYPE, "virtual-mobile")).isEqualTo("virtual_mobile");
  }

  @Test
  void badPatternsAreRefusedWhenTheRuleIsAdded() {
    assertThatThrownBy(() -> normalised(MatchKind.REGEX, "(")).hasMessageContaining("does not compile");
    assertThatThrownBy(() -> normalised(MatchKind.PREFIX, "17a")).hasMessageContaining("character 'a' at position 3");
    assertThatThrownBy(() -> normalised(MatchKind.EXACT, "hello")).hasMessageContaining("exact pattern");
    assertThatThrownBy(() -> normalised(MatchKind.TYPE, "robot")).hasMessageContaining("unknown number kind");
    assertThatThrownBy(() -> parser.parse(Action.BLOCK, MatchKind.PREFIX, "171", ChannelScope.BOTH, 0, "", "someday"))
        .hasMessageContaining("schedule");
  }

  @Test
  void catastrophicBacktrackingPatternsAreHarmlessUnderRe2() {
    Rule rule = parser.parse(Action.BLOCK, MatchKind.REGEX, "(a+)+$", ChannelScope.BOTH, 0, "", null);
    assertThat(rule.pattern()).isEqualTo("(a+)+$");
  }
}
