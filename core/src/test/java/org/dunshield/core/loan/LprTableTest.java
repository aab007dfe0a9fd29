package org.dunshield.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LprTableTest {
  private final LprTable bundled = LprTable.bundled();

  @Test
  void bundledTableStartsWithTheReformAndHoldsEveryChange() {
    assertThat(bundled.entries()).hasSize(13);
    assertThat(bundled.on(LocalDate.of(2019, 8, 20)).orElseThrow().percent())
        .isEqualByComparingTo("4.25");
    assertThat(bundled.on(LocalDate.of(2019, 8, 19))).isEmpty();
    assertThat(bundled.on(LocalDate.of(2022, 8, 21)).orElseThrow().percent())
        .isEqualByComparingTo("3.70");
    assertThat(bundled.on(LocalDate.of(2022, 8, 22)).orElseThrow().percent())
        .isEqualByComparingTo("3.65");
    assertThat(bundled.on(LocalDate.of(2026, 3, 1)).orElseThrow().percent())
        .isEqualByComparingTo("3.00");
    assertThat(bundled.latest().from()).isEqualTo(LocalDate.of(2025, 5, 20));
  }

  @Test
  void aUserKeptFileReplacesTheBundledOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("lpr.tsv");
    Files.writeString(file, "# mine\n2025-05-20\t3.00\n2026-07-20\t2.90\tcut\n");
    LprTable mine = LprTable.load(file);
    assertThat(mine.on(LocalDate.of(2026, 8, 1)).orElseThrow().percent())
        .isEqualByComparingTo("2.90");
  }

  @Test
  void malformedFilesAreRejectedWithTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("lpr.tsv");
    Files.writeString(file, "2025-05-20\t3.00\n2025-04-20\t3.10\n");
    assertThatThrownBy(() -> LprTable.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("increase");
    Files.writeString(file, "2025-05-20 3.00\n");
    assertThatThrownBy(() -> LprTable.load(file)).hasMessageContaining("line 1");
    Files.writeString(file, "2025-05-20\t45\n");
    assertThatThrownBy(() -> LprTable.load(file)).hasMessageContaining("0-20");
    assertThatThrownBy(() -> LprTable.load(dir.resolve("missing.tsv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read");
  }
}
