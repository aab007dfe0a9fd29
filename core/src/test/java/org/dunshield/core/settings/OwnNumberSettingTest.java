package org.dunshield.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnNumberSettingTest {
  @Test
  void ownNumberIsStoredInE164AndSurvivesOtherChanges() {
    Settings s = Settings.defaults().with("own-number", "138 0013 8000").with("mode", "strangers");
    assertThat(s.ownNumber()).isEqualTo("+8613800138000");
    assertThat(Settings.fromMap(s.asMap())).isEqualTo(s);
    assertThat(Settings.defaults().ownNumber()).isEmpty();
    assertThat(s.with("own-number", "").ownNumber()).isEmpty();
  }

  @Test
  void anUnreadableOwnNumberIsRefused() {
    assertThatThrownBy(() -> Settings.defaults().with("own-number", "abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
