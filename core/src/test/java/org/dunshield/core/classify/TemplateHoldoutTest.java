package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/**
 * On sentence patterns the model never saw, accuracy falls (docs/detection.md reports how far), but
 * the blocking policy stays safe: at most 1 % of normal messages and no verification code blocked.
 * Trains five models: about half a minute.
 */
class TemplateHoldoutTest {
  @Test
  void groupsTheCollectionSetIntoAFewTemplatesPerCategory() {
    Map<String, Integer> groups = TemplateHoldout.groupCounts(SharedData.samples());

    assertThat(groups).containsOnlyKeys("debt_collection", "threat", "fraud", "marketing", "verification_code", "normal");
    assertThat(groups.values()).allSatisfy(n -> assertThat(n).isBetween(3, 40));
  }

  @Test
  void unseenPatternsNeverGetNormalMessagesOrCodesBlocked() {
    List<Sample> corpus = SharedData.samples();

    Evaluation e = TemplateHoldout.run(corpus, ClassifierTraining.Options.defaults(), SmsPolicy.defaults(), 5);

    assertThat(e.total()).isEqualTo(4200);
    assertThat(e.blockedShare(Category.NORMAL)).isLessThanOrEqualTo(0.01);
    assertThat(e.blocked(Category.VERIFICATION_CODE)).isZero();
  }
}
