package org.dunshield.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionSettingsTest {
  @Test
  void theDefaultsAreTheDocumentedOnes() {
    Map<String, String> m = DetectionSettings.defaults().asMap();

    assertThat(m).containsEntry("call-bombing.min-calls", "5").containsEntry("call-bombing.min-numbers", "4")
        .containsEntry("call-bombing.window", "PT2M").containsEntry("call-bombing.cooldown", "PT10M")
        .containsEntry("sms-bombing.min-codes", "5").containsEntry("sms-bombing.min-senders", "4")
        .containsEntry("redial.daily-limit", "3").containsEntry("redial.block-digits", "3")
        .containsEntry("sms-content.block-confidence", "0.6");
  }

  @Test
  void everyKeyRoundTripsThroughItsText() {
    DetectionSettings changed = DetectionSettings.defaults().with("call-bombing.window", "90s")
        .with("sms-bombing.cooldown", "1h").with("redial.label-from", "3").with("one-ring.enabled", "no");

    assertThat(DetectionSettings.fromMap(changed.asMap())).isEqualTo(changed);
    assertThat(changed.callBombing().window()).isEqualTo(Duration.ofSeconds(90));
    assertThat(changed.oneRing()).isFalse();
  }

  @Test
  void badKeysAndValuesSayWhatIsWrong() {
    DetectionSettings d = DetectionSettings.defaults();
    assertThatThrownBy(() -> d.with("call-bombing.speed", "1")).hasMessageContaining("unknown detection setting");
    assertThatThrownBy(() -> d.with("call-bombing.window", "soon")).hasMessageContaining("duration such as 90s");
    assertThatThrownBy(() -> d.with("call-bombing.min-numbers", "9")).hasMessageContaining("distinct numbers");
    assertThatThrownBy(() -> d.with("redial.daily-limit", "many")).hasMessageContaining("whole number");
  }
}
