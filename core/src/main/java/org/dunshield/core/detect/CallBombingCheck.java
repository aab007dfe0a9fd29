package org.dunshield.core.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.HistoryEntry;
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
 * <p>The state is rebuilt from the history at every call ({@link Burst#lookback()}), so a new process
 * per call (the CLI) decides exactly like a long-running server or a replay. Immutable and thread-safe.
 */
final class CallBombingCheck implements Check {
  static final String ID = "call-bombing";
  private static final long CALLEE = 1;

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
    List<Event> untrusted = new ArrayList<>();
    for (HistoryEntry entry : context.history().incoming(Channel.CALL, at.minus(config.lookback()), at)) {
      if (!trust.trusted(entry.event())) {
        untrusted.add(entry.event());
      }
    }
    BurstDetector detector = new BurstDetector(config, 1);
    for (Event e : untrusted) {
      detector.observe(CALLEE, Trust.source(e), e.at().toEpochMilli());
    }
    Event current = incoming.toEvent();
    if (detector.observe(CALLEE, Trust.source(current), at.toEpochMilli()) == BurstDetector.Signal.QUIET) {
      return null;
    }
    Instant since = Instant.ofEpochMilli(detector.attackStart(CALLEE));
    Set<Long> numbers = new HashSet<>();
    int calls = 1;
    numbers.add(Trust.source(current));
    for (Event e : untrusted) {
      if (!e.at().isBefore(since)) {
        calls++;
        numbers.add(Trust.source(e));
      }
    }
    numbers.remove(0L);
    String clock = Texts.clock(since, context.settings().timezone());
    Reason reason = new Reason(
        "呼死你轰炸：自 " + clock + " 起 " + calls + " 次来电来自 " + numbers.size()
            + " 个陌生号码，正在拦截所有非联系人来电，联系人仍可接通",
        "call bombing: " + calls + " calls from " + numbers.size() + " unknown numbers since " + clock
            + "; every caller who is not a contact is blocked until it stops, contacts still ring");
    return new Verdict(Action.BLOCK, ID, null, Category.CALL_BOMBING, reason, incoming.number());
  }
}
