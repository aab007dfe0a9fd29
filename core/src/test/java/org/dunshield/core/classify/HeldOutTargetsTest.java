package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/**
 * The shipped model meets the targets on the held-out splits it was never trained on, so a
 * retrained or edited model cannot silently fall below them. The figures are in docs/detection.md.
 */
class HeldOutTargetsTest {
  private final SmsClassifier model = SmsClassifier.standard();

  @Test
  void separatesSpamFromHamOnTheEnglishTestSplitWithAtLeast985PerCentAccuracy() {
    Evaluation e = Evaluation.of(model, SmsPolicy.defaults(), SharedData.heldOut(Corpus.UCI));

    Evaluation.Binary spamVsHam = e.binary(Set.of(Category.NORMAL, Category.VERIFICATION_CODE));
    assertThat(spamVsHam.total()).isGreaterThan(1000);
    assertThat(spamVsHam.accuracy()).isGreaterThanOrEqualTo(0.985);
  }

  @Test
  void findsAtLeast95PerCentOfThreatsAndCollectionDemandsInTheChineseHeldOutSet() {
    Evaluation e = Evaluation.of(model, SmsPolicy.defaults(), SharedData.heldOut(Corpus.COLLECTION_ZH));

    assertThat(e.support(Category.THREAT)).isGreaterThan(100);
    assertThat(e.recall(Category.THREAT)).isGreaterThanOrEqualTo(0.95);
    assertThat(e.recall(Category.DEBT_COLLECTION)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void blocksAtMostOnePerCentOfNormalMessagesAndNoVerificationCode() {
    Evaluation e = Evaluation.of(model, SmsPolicy.defaults(), SharedData.heldOut(Corpus.COLLECTION_ZH));

    assertThat(e.support(Category.NORMAL)).isGreaterThan(100);
    assertThat(e.blockedShare(Category.NORMAL)).isLessThanOrEqualTo(0.01);
    assertThat(e.support(Category.VERIFICATION_CODE)).isGreaterThan(100);
    assertThat(e.blocked(Category.VERIFICATION_CODE)).isZero();
  }

  @Test
  void blocksNoHamMessageOfTheEnglishTestSplit() {
    Evaluation e = Evaluation.of(model, SmsPolicy.defaults(), SharedData.heldOut(Corpus.UCI));

    assertThat(e.blocked(Category.NORMAL)).isZero();
  }

  @Test
  void neverBlocksAVerificationCodeEvenWhenItLooksLikeFraud() {
    SmsPolicy policy = SmsPolicy.defaults();
    String text = "【某银行】您的账户异常将被冻结，验证码 482913，请勿告知他人";
    Classification asFraud = new Classification(Category.FRAUD, 0.99);

    assertThat(policy.actionFor(asFraud, text)).isEqualTo(org.dunshield.core.screen.Action.SILENCE);
  }
}
