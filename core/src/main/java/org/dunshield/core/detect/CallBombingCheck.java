package org.dunshield.core.detect;

import java.time.Instant;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Check;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;

/**
 * Call bombing (呼死你): when untrusted calls come in a burst from many numbers, the phone is under
 * attack until the calls stop for the cooldown, and every caller that is not trusted is blocked with
 * {@code call_bombing}. Runs above the repeat-caller exception, so redialling does not ring through,
 * and below contacts, allowed numbers and services, so they still ring.
 *
 * <p>The state ({@link BurstTracker}) is built from the last {@link Burst#lookback()} of history; a
 * long-running process keeps it current event by event ({@code LiveHistory}), a new process per
 * call (the CLI) or a replay rebuilds it, and both decide alike. Immutable and thread-safe.
 */
final class CallBombingCheck implements Check {
  static final String ID = "call-bombing";

  private final Burst config;

  CallBombingCheck(Burst config) {
    this.config = config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int priority() {
    return Detectors.CALL_BOMBING;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.channel() != Channel.CALL) {
      return null;
    }
    Trust trust = Trust.of(context);
    Instant at = incoming.at();
    if (trust.trusted(incoming.number(), Channel.CALL, at)) {
      return null;
    }
    BurstTracker.Attack attack = BurstTracker.attack(context.history(), this, trust, config,
        e -> !trust.trusted(e), incoming.toEvent());
    if (attack == null) {
      return null;
    }
    Instant since = attack.since();
    int calls = attack.events();
    int numbers = attack.numbers();
    String clock = Texts.clock(since, context.settings().timezone());
    Reason reason = new Reason(
        "呼死你轰炸：自 " + clock + " 起 " + calls + " 次来电来自 " + numbers
            + " 个陌生号码，正在拦截所有非联系人来电，联系人仍可接通",
        "call bombing: " + calls + " calls from " + numbers + " unknown numbers since " + clock
            + "; every caller who is not a contact is blocked until it stops, contacts still ring");
    return new Verdict(Action.BLOCK, ID, null, Category.CALL_BOMBING, reason, incoming.number());
  }
}
