package org.dunshield.core.detect;

import org.dunshield.core.event.Channel;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * One-ring calls (wangiri, 响一声): an unknown international caller rings once and hangs up, hoping
 * for a costly call-back. Phones do not export how long a missed call rang, and live screening
 * decides while it rings, so the check judges the caller: an untrusted number from another country
 * is silenced with {@code one_ring} and the advice not to call back. Immutable and thread-safe.
 */
final class OneRingCheck implements Check {
  static final String ID = "one-ring";
  private static final Reason REASON = new Reason(
      "陌生国际号码：可能是“响一声”诈骗，请勿回拨（回拨可能按国际高价计费）；真有急事对方会留言或发短信",
      "unknown international number: possibly a one-ring (wangiri) scam — do not call back, a call-back may be"
          + " billed at premium international rates; a genuine caller will leave a message");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.ONE_RING;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() != Channel.CALL || incoming.withheld()
        || incoming.number().kind() != NumberKind.INTERNATIONAL
        || Trust.of(context).trusted(incoming.number(), Channel.CALL, incoming.at())) {
      return null;
    }
    return new Verdict(Action.SILENCE, ID, null, Category.ONE_RING, REASON, incoming.number());
  }
}
