package org.dunshield.core.detect;

import java.util.Locale;
import org.dunshield.core.classify.Classification;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.classify.SmsPolicy;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * What a message says: the SMS classifier reads it and the {@link SmsPolicy} decides — threats,
 * collection demands and fraud blocked (silenced when unsure or when a code is in the text),
 * marketing silenced. Codes and normal messages are left to the lower checks. Messages from trusted
 * senders are not read. Immutable and thread-safe.
 */
final class SmsContentCheck implements Check {
  static final String ID = "sms-content";

  private final SmsClassifier classifier;
  private final SmsPolicy policy;

  SmsContentCheck(SmsClassifier classifier, SmsPolicy policy) {
    this.classifier = classifier;
    this.policy = policy;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.SMS_CONTENT;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() != Channel.SMS
        || Trust.of(context).trusted(incoming.number(), Channel.SMS, incoming.at())) {
      return null;
    }
    Classification c = classifier.classify(incoming.text());
    Action action = policy.actionFor(c, incoming.text());
    if (action == null || action == Action.ALLOW) {
      return null;
    }
    String percent = String.format(Locale.ROOT, "%.0f%%", 100 * c.confidence());
    String zh = "短信内容属于“" + c.category().zh() + "”（把握 " + percent + "）";
    String en = "the message reads as " + c.category().en() + " (" + percent + " sure)";
    if (action == Action.SILENCE && c.category() != org.dunshield.core.screen.Category.MARKETING) {
      zh += "，把握不足或含验证码，只静音不拦截";
      en += "; silenced, not blocked: not sure enough, or it carries a code";
    }
    return new Verdict(action, ID, null, c.category(), new Reason(zh, en), incoming.number());
  }
}
