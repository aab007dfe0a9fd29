package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  private static String normalised(String text) {
    char[] folded = new char[TextFeatures.MAX_CHARS];
    char[] out = new char[TextFeatures.MAX_CHARS + 2];
    int n = TextFeatures.normalise(folded, TextFeatures.fold(text, folded), out);
    return new String(out, 0, n)
        .replace(TextFeatures.START, '^').replace(TextFeatures.END, '$')
        .replace(TextFeatures.LINK, 'L').replace(TextFeatures.LONG_NUMBER, 'P').replace(TextFeatures.CODE_NUMBER, 'C')
        .replace(TextFeatures.SHORT_NUMBER, 'N').replace(TextFeatures.AMOUNT, 'A').replace(TextFeatures.CLOCK, 'T');
  }

  @Test
  void linksAndNumbersBecomeMarkersByShape() {
    assertThat(normalised("请点击https://dwz.cn/sg4849验证")).isEqualTo("^请点击L验证$");
    assertThat(normalised("详情 t.cn/qbqjgz 退订")).isEqualTo("^详情L退订$");
    assertThat(normalised("回电15943359650，欠款12,480.66元，18点，验证码 0325，10:21")).isEqualTo("^回电P，欠款A元，N点，验证码C，T$");
    assertThat(normalised("验证码：８１２０４８")).isEqualTo("^验证码：C$");
  }

  @Test
  void foldsWidthAndCaseAndDropsSpacesBetweenChineseCharacters() {
    assertThat(normalised("ＦＲＥＥ  Entry")).isEqualTo("^free entry$");
    assertThat(normalised("手头 紧 找 平安 直通 贷")).isEqualTo("^手头紧找平安直通贷$");
    assertThat(normalised("Call 0800 now")).isEqualTo("^call C now$");
    assertThat(normalised("  ")).isEqualTo("^$");
  }

  @Test
  void everyFeatureLandsInsideTheBuckets() {
    TextFeatures features = new TextFeatures(Lexicon.standard(), 12);
    TextFeatures.Scratch scratch = new TextFeatures.Scratch();
    String longText = "逾期".repeat(2000);

    int n = features.extract(longText, scratch);

    assertThat(n).isGreaterThan(3 * TextFeatures.MAX_CHARS - 10);
    for (int i = 0; i < n; i++) {
      assertThat(scratch.buckets[i]).isBetween(0, (1 << 12) - 1);
    }
  }
}
