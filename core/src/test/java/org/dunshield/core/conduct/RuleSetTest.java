package org.dunshield.core.conduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  @Test
  void everyShippedSetLoads() {
    assertThat(RuleSet.shipped()).containsExactly("cn-nifa-2024", "cn-cba-2026", "cn-nifa-2018", "us-reg-f");
    for (String id : RuleSet.shipped()) {
      RuleSet set = RuleSet.load(id);
      assertThat(set.id()).isEqualTo(id);
      assertThat(set.rules()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.text().en()).isNotBlank();
        assertThat(r.text().zh()).isNotBlank();
      });
    }
  }

  @Test
  void theNifa2024SetSaysWhatTheGuidelineSays() {
    RuleSet set = RuleSet.load("cn-nifa-2024");

    assertThat(set.rules()).satisfiesExactly(
        r -> assertThat(r).isEqualTo(new ConductRule.ForbiddenHours("quiet-hours", r.text(), LocalTime.of(22, 0),
            LocalTime.of(8, 0), java.util.Set.of(Channel.CALL, Channel.SMS))),
        r -> assertThat(r).isEqualTo(new ConductRule.CallsPerDay("connected-calls-per-day", r.text(), 3,
            ConductRule.Count.CONNECTED, ConductRule.Per.ALL)),
        r -> assertThat(r).isEqualTo(new ConductRule.ThirdParty("third-parties", r.text(), ConductRule.ThirdParty.Mode.BANNED)),
        r -> assertThat(r).isEqualTo(new ConductRule.Content("threats", r.text(), java.util.Set.of(Category.THREAT))));
  }

  @Test
  void badFilesNameTheRuleAndLine() {
    String file = "id: test\n\n[late]\nkind: forbidden-hours\nfrom: 25:00\nto: 08:00\nchannels: call\ntext.en: x\ntext.zh: y\n";

    assertThatThrownBy(() -> RuleSet.parse("test.rules", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.rules rule [late] (line 3)");
    assertThatThrownBy(() -> RuleSet.load("cn-nifa-2030")).hasMessageContaining("expected one of [cn-nifa-2024");
  }

  @Test
  void forbiddenHoursWrapPastMidnight() {
    var night = new ConductRule.ForbiddenHours("n", new org.dunshield.core.screen.Reason("z", "e"),
        LocalTime.of(22, 0), LocalTime.of(8, 0), java.util.Set.of(Channel.CALL));
    var day = new ConductRule.ForbiddenHours("d", new org.dunshield.core.screen.Reason("z", "e"),
        LocalTime.of(12, 0), LocalTime.of(13, 0), java.util.Set.of(Channel.CALL));

    assertThat(night.forbidden(LocalTime.of(22, 0))).isTrue();
    assertThat(night.forbidden(LocalTime.of(3, 0))).isTrue();
    assertThat(night.forbidden(LocalTime.of(8, 0))).isFalse();
    assertThat(night.forbidden(LocalTime.of(21, 59))).isFalse();
    assertThat(day.forbidden(LocalTime.of(12, 30))).isTrue();
    assertThat(day.forbidden(LocalTime.of(13, 0))).isFalse();
  }
}
