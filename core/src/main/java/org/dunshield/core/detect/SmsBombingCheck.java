package org.dunshield.core.detect;

import java.time.Instant;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * SMS bombing (短信轰炸): a burst of verification codes from many senders. While it lasts, every
 * code from an untrusted sender is silenced with {@code sms_bombing} — never blocked: the user's own
 * code is among them and stays in the spam folder, grouped with the attack. Other messages are left
 * to the other checks. State is kept like {@link CallBombingCheck}'s. Immutable and
 * thread-safe.
 */
final class SmsBombingCheck implements Check {
  static final String ID = "sms-bombing";

  private final Burst config;
  private final Codes codes;

  SmsBombingCheck(Burst config, SmsClassifier classifier) {
    this.config = config;
    this.codes = new Codes(classifier);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.SMS_BOMBING;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() != Channel.SMS || !codes.isCode(incoming.text())) {
      return null;
    }
    Trust trust = Trust.of(context);
    Instant at = incoming.at();
    if (trust.trusted(incoming.number(), Channel.SMS, at)) {
      return null;
    }
    BurstTracker.Attack attack = BurstTracker.attack(context.history(), this, trust, config,
        e -> e instanceof SmsEvent sms && !trust.trusted(sms) && codes.isCode(sms.body()), incoming.toEvent());
    if (attack == null) {
      return null;
    }
    Instant since = attack.since();
    int count = attack.events();
    int senders = attack.numbers();
    String clock = Texts.clock(since, context.settings().timezone());
    Reason reason = new Reason(
        "短信轰炸：自 " + clock + " 起收到 " + count + " 条验证码，来自 " + senders
            + " 个发送方；验证码不拦截，已归为一组静音保存，您自己的验证码也在其中",
        "SMS bombing: " + count + " verification codes from " + senders + " senders since " + clock
            + "; codes are never blocked — grouped and silenced, your own code is among them");
    return new Verdict(Action.SILENCE, ID, null, Category.SMS_BOMBING, reason, incoming.number());
  }
}
