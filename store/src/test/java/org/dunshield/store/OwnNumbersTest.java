package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.dunshield.core.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnNumbersTest {
  @TempDir Path dataDir;

  @Test
  void findsTheAccountWhoseOwnNumberIsTheCallee() {
    try (Database db = Database.openDirectory(dataDir)) {
      db.forOwner(7).settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "13800138000"));
      db.forOwner(9).settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "13900139000"));
      OwnNumbers numbers = OwnNumbers.of(db);

      assertThat(numbers.owner("+8613800138000")).isEqualTo(OptionalLong.of(7));
      assertThat(numbers.owner("+8613900139000")).isEqualTo(OptionalLong.of(9));
      assertThat(numbers.owner("+8613700137000")).isEmpty();
      assertThat(numbers.owner("")).isEmpty();
      assertThat(numbers.all()).containsOnly(java.util.Map.entry("+8613800138000", 7L),
          java.util.Map.entry("+8613900139000", 9L));
    }
  }

  @Test
  void theLowestAccountWinsWhenTwoClaimOneNumber() {
    try (Database db = Database.openDirectory(dataDir)) {
      db.forOwner(12).settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "13800138000"));
      db.forOwner(3).settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "13800138000"));

      assertThat(OwnNumbers.of(db).owner("+8613800138000")).isEqualTo(OptionalLong.of(3));
    }
  }
}
