package org.dunshield.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;
import org.junit.jupiter.api.Test;

class RuleConflictsTest {
  private final NumberParser cn = NumberParser.forRegion("CN");
  private final RuleParser parser = new RuleParser(cn);

  private Rule rule(long id, Action action, MatchKind kind, String pattern, int priority, String when) {
    return parser.parse(action, kind, pattern, ChannelScope.BOTH, priority, "", when).withId(id);
  }

  @Test
  void aBlockedPrefixAndAnAllowedNumberInsideItConflictAndTheExactRuleWins() {
    List<RuleConflict> found = new RuleConflicts(cn).find(List.of(
        rule(1, Action.BLOCK, MatchKind.PREFIX, "171", 0, null),
        rule(2, Action.ALLOW, MatchKind.EXACT, "17188880001", 0, null)));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).winner().id()).isEqualTo(2);
    assertThat(found.get(0).why()).isEqualTo("specificity");
    assertThat(found.get(0).example()).isEqualTo("+8617188880001");
  }

  @Test
  void higherPriorityWinsAndTheExampleIsARealNumber() {
    List<RuleConflict> found = new RuleConflicts(cn).find(List.of(
        rule(1, Action.ALLOW, MatchKind.WILDCARD, "17*", 0, null),
        rule(2, Action.BLOCK, MatchKind.WILDCARD, "1?1*", 5, null)));
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(c.winner().id()).isEqualTo(2);
      assertThat(c.why()).isEqualTo("priority");
      assertThat(c.example()).startsWith("+86171");
    });
  }

  @Test
  void disjointPatternsAndSameActionsDoNotConflict() {
    assertThat(new RuleConflicts(cn).find(List.of(
        rule(1, Action.BLOCK, MatchKind.PREFIX, "171", 0, null),
        rule(2, Action.ALLOW, MatchKind.PREFIX, "170", 0, null),
        rule(3, Action.BLOCK, MatchKind.PREFIX, "1718", 0, null)))).isEmpty();
  }

  @Test
  void regexAndTypeRulesAreComparedOnExampleNumbers() {
    List<RuleConflict> found = new RuleConflicts(cn).find(List.of(
        rule(1, Action.BLOCK, MatchKind.TYPE, "virtual_mobile", 0, null),
        rule(2, Action.ALLOW, MatchKind.REGEX, "^170", 0, null)));
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(c.winner().id()).isEqualTo(2);
      assertThat(c.example()).startsWith("+86170");
    });
  }

  @Test
  void schedulesThatNeverMeetAreReportedAsOnlyApparent() {
    List<RuleConflict> found = new RuleConflicts(cn).find(List.of(
        rule(1, Action.BLOCK, MatchKind.PREFIX, "171", 0, "daily 22:00-08:00"),
        rule(2, Action.ALLOW, MatchKind.PREFIX, "171", 0, "daily 09:00-17:00")));
    assertThat(found).singleElement().satisfies(c -> assertThat(c.schedulesOverlap()).isFalse());
  }
}
