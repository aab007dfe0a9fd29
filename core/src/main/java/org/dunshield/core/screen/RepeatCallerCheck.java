package org.dunshield.core.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dunshield.core.event.Channel;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.settings.Mode;
import org.dunshield.core.settings.Settings;

/**
 * The emergency exception: a caller who rings again within N minutes (setting
 * repeat-allow-minutes, 0 = off) gets through once, in case it is urgent. "Once" means: not if a
 * call from the same number in that window already got through this way, so a collector cannot
 * ring through repeatedly by redialling. Applies in standard and strangers modes, to calls only.
 */
final class RepeatCallerCheck implements Check {
  @Override
  public String id() {
    return "repeat-caller";
  }

  @Override
  public int priority() {
    return StandardChecks.REPEAT_CALLER;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    Settings settings = context.settings();
    int minutes = settings.repeatAllowMinutes();
    if (minutes == 0 || incoming.channel() != Channel.CALL || incoming.withheld()
        || (settings.mode() != Mode.STANDARD && settings.mode() != Mode.STRANGERS)) {
      return null;
    }
    Instant since = incoming.at().minus(Duration.ofMinutes(minutes));
    List<HistoryEntry> earlier = context.history().callsFrom(incoming.number(), since, incoming.at());
    if (earlier.isEmpty()) {
      return null;
    }
    for (HistoryEntry entry : earlier) {
      if (entry.verdict() != null && id().equals(entry.verdict().check())) {
        return null;
      }
    }
    return new Verdict(Action.ALLOW, id(), null, null,
        new Reason(minutes + " 分钟内再次来电，放行一次以防紧急情况",
            "called again within " + minutes + " minutes: let through once in case it is urgent"),
        incoming.number());
  }
}
