package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

class ModelFileTest {
  private static final List<Sample> TOY = List.of(
      new Sample("您的借款已逾期，请尽快还款", Category.DEBT_COLLECTION, "toy", false),
      new Sample("再不还钱就去你单位找你", Category.THREAT, "toy", false),
      new Sample("您的账户异常请点击链接 http://x.cn/a 验证", Category.FRAUD, "toy", false),
      new Sample("双十一大促全场五折 退订回T", Category.MARKETING, "toy", false),
      new Sample("验证码 123456，5分钟内有效", Category.VERIFICATION_CODE, "toy", false),
      new Sample("晚上回家吃饭吗", Category.NORMAL, "toy", false));

  private static SmsClassifier toy() {
    return ClassifierTraining.train(TOY, new ClassifierTraining.Options(12, 30, 0.5, 0, 7), Map.of("model-version", "toy"));
  }

  private static byte[] bytes(SmsClassifier model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  @Test
  void aWrittenModelReadsBackWithTheSameHeaderAndAnswers() throws IOException {
    SmsClassifier model = toy();

    SmsClassifier read = SmsClassifier.read(new ByteArrayInputStream(bytes(model)));

    assertThat(read.header()).containsExactlyEntriesOf(model.header());
    for (Sample s : TOY) {
      assertThat(read.probabilities(s.text())).containsExactly(model.probabilities(s.text()));
      assertThat(read.classify(s.text()).category()).isEqualTo(s.label());
    }
  }

  @Test
  void trainingTwiceGivesTheSameModel() throws IOException {
    assertThat(bytes(toy())).isEqualTo(bytes(toy()));
  }

  @Test
  void theHeaderIsPlainTextFollowedByAnEmptyLine() throws IOException {
    String text = new String(bytes(toy()), StandardCharsets.ISO_8859_1);

    assertThat(text).startsWith(SmsClassifier.MAGIC + "\nmodel-version: toy\n");
    assertThat(text).contains("\nweights-sha256: ").contains("\n\n");
  }

  @Test
  void refusesFilesThatAreNotModelsOrAreDamaged() throws IOException {
    byte[] good = bytes(toy());
    byte[] damaged = good.clone();
    damaged[damaged.length - 20] ^= 0x55;

    assertThatThrownBy(() -> SmsClassifier.read(new ByteArrayInputStream("hello\n\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Dunshield SMS model");
    assertThatThrownBy(() -> SmsClassifier.read(new ByteArrayInputStream(damaged)))
        .isInstanceOfAny(IllegalArgumentException.class, IOException.class);
    String otherLexicon = new String(good, StandardCharsets.ISO_8859_1).replaceFirst("lexicon-sha256: [0-9a-f]+",
        "lexicon-sha256: " + "0".repeat(64));
    assertThatThrownBy(() -> SmsClassifier.read(new ByteArrayInputStream(otherLexicon.getBytes(StandardCharsets.ISO_8859_1))))
        .hasMessageContaining("another lexicon.tsv");
  }
}
