package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped model is what {@code dunshield classify train} builds from the training split. */
class ShippedModelTest {
  @Test
  void retrainingOnTheTrainingSplitRebuildsTheShippedWeightsBitForBit() {
    SmsClassifier shipped = SmsClassifier.standard();
    List<Sample> train = SharedData.samples().stream().filter(s -> !s.heldOut()).toList();

    SmsClassifier rebuilt = ClassifierTraining.train(train, ClassifierTraining.Options.defaults(), Map.of());

    assertThat(rebuilt.header().get("weights-sha256")).isEqualTo(shipped.header().get("weights-sha256"));
    assertThat(shipped.header().get("samples")).isEqualTo(Integer.toString(train.size()));
  }

  @Test
  void theHeaderStatesVersionDataDateAndSplit() {
    Map<String, String> header = new LinkedHashMap<>(SmsClassifier.standard().header());

    assertThat(header).containsKeys("model-version", "trained", "data", "split", "features", "training",
        "bucket-bits", "classes", "lexicon-sha256", "weight-scale", "weights-sha256");
    assertThat(header.get("trained")).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(header.get("classes")).isEqualTo("debt_collection threat fraud marketing verification_code normal");
  }
}
