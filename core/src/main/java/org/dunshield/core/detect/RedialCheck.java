package org.dunshield.core.detect;

import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * Collector redial: past the daily limit, further calls from the same number or number block are
 * blocked as {@code debt_collection} (the calls before that are labelled by {@link LabelCheck}).
 * Above the repeat-caller exception, so redialling does not buy a way through. Immutable and
 * thread-safe.
 */
final class RedialCheck implements Check {
  static final String ID = "redial";

  private final Redial config;

  RedialCheck(Redial config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.REDIAL;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() != Channel.CALL || incoming.withheld()) {
      return null;
    }
    Trust trust = Trust.of(context);
    if (trust.trusted(incoming.number(), Channel.CALL, incoming.at())) {
      return null;
    }
    RedialCount count =
        RedialTracker.count(incoming.number(), incoming.at(), config.blockDigits(), context.history(), trust);
    if (count.calls() <= config.dailyLimit()) {
      return null;
    }
    return new Verdict(Action.BLOCK, ID, null, Category.DEBT_COLLECTION, reason(count, config.dailyLimit()),
        incoming.number());
  }

  static Reason reason(RedialCount count, int limit) {
    int n = count.calls();
    String limitZh = limit > 0 ? "，超过每天 " + limit + " 次的上限" : "";
    String limitEn = limit > 0 ? ", over the limit of " + limit + " a day" : "";
    if (count.byBlock()) {
      return new Reason("今天第 " + n + " 次来自号段 " + count.blockLabel() + "（" + count.blockNumbers() + " 个号码）的来电"
          + limitZh + "：疑似催收轮番拨打",
          "the " + Texts.ordinal(n) + " call today from block " + count.blockLabel() + " (" + count.blockNumbers()
              + " numbers)" + limitEn + ": looks like a collector redialling");
    }
    return new Reason("今天第 " + n + " 次来自这个号码的来电" + limitZh + "：疑似催收反复拨打",
        "the " + Texts.ordinal(n) + " call today from this number" + limitEn + ": looks like a collector redialling");
  }
}
