package org.dunshield.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void everyKeyRoundTripsThroughItsTextForm() {
    Settings s = Settings.defaults().with("mode", "whitelist-only").with("block-hidden", "true")
        .with("repeat-allow-minutes", "5").with("dialed-allow-days", "0").with("region", "us")
        .with("timezone", "America/New_York").with("service-allow", "false");
    assertThat(Settings.fromMap(s.asMap())).isEqualTo(s);
    assertThat(s.region()).isEqualTo("US");
  }

  @Test
  void badValuesNameTheKeyAndTheAcceptedValues() {
    Settings d = Settings.defaults();
    assertThatThrownBy(() -> d.with("mode", "bogus")).hasMessageContaining("unknown mode 'bogus'");
    assertThatThrownBy(() -> d.with("block-hidden", "maybe")).hasMessageContaining("block-hidden must be true or false");
    assertThatThrownBy(() -> d.with("repeat-allow-minutes", "-1")).hasMessageContaining("between 0 and 1440");
    assertThatThrownBy(() -> d.with("timezone", "Mars/Base")).hasMessageContaining("IANA zone");
    assertThatThrownBy(() -> d.with("colour", "red")).hasMessageContaining("unknown setting 'colour'");
  }
}
