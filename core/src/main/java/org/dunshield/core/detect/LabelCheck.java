package org.dunshield.core.detect;

import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * Labels what would otherwise be allowed by default: a repeated call (from the redial label
 * threshold up to the daily limit) as {@code debt_collection}, a verification code as
 * {@code verification_code}. It runs last of all ({@value Detectors#LABEL}, below the mode check), so
 * it never lets through anything another check would block or silence; it only names what gets
 * through. Immutable and thread-safe.
 */
final class LabelCheck implements Check {
  static final String ID = "label";
  private static final Reason CODE = new Reason("验证码短信", "verification code");

  private final Redial redial;
  private final Codes codes;

  LabelCheck(Redial redial, SmsClassifier classifier) {
    this.redial = redial;
    this.codes = new Codes(classifier);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.LABEL;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() == Channel.SMS) {
      return codes.isCode(incoming.text())
          ? new Verdict(Action.ALLOW, ID, null, Category.VERIFICATION_CODE, CODE, incoming.number()) : null;
    }
    if (!redial.enabled() || incoming.withheld()) {
      return null;
    }
    Trust trust = Trust.of(context);
    if (trust.trusted(incoming.number(), Channel.CALL, incoming.at())) {
      return null;
    }
    RedialCount count =
        RedialTracker.count(incoming.number(), incoming.at(), redial.blockDigits(), context.history(), trust);
    if (count.calls() < redial.labelFrom()) {
      return null;
    }
    return new Verdict(Action.ALLOW, ID, null, Category.DEBT_COLLECTION, RedialCheck.reason(count, 0),
        incoming.number());
  }
}
