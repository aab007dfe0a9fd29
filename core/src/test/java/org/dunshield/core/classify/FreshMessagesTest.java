package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/**
 * Messages written for the tests ({@code fresh.tsv}), outside every corpus template. The figures are
 * reported in docs/detection.md; the floors here are loose on purpose (the set is small and the
 * English training data has no collection, threat or code messages), but the safety properties are
 * strict: no normal message and no code is blocked.
 */
class FreshMessagesTest {
  static List<Sample> fresh() throws IOException {
    List<Sample> out = new ArrayList<>();
    try (InputStream in = FreshMessagesTest.class.getResourceAsStream("fresh.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 2);
        out.add(new Sample(f[1], Category.fromCode(f[0]), "fresh", true));
      }
    }
    return out;
  }

  private static boolean chinese(Sample s) {
    return s.text().codePoints().anyMatch(Character::isIdeographic);
  }

  @Test
  void readsMostChineseMessagesItHasNeverSeenCorrectly() throws IOException {
    Evaluation e = Evaluation.of(SmsClassifier.standard(), SmsPolicy.defaults(), fresh().stream().filter(FreshMessagesTest::chinese).toList());

    assertThat(e.total()).isGreaterThanOrEqualTo(30);
    assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void blocksNoNormalMessageAndNoCode() throws IOException {
    Evaluation e = Evaluation.of(SmsClassifier.standard(), SmsPolicy.defaults(), fresh());

    assertThat(e.blocked(Category.NORMAL)).isZero();
    assertThat(e.blocked(Category.VERIFICATION_CODE)).isZero();
  }
}
