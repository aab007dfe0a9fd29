package org.dunshield.core.screen;

import org.dunshield.core.event.Channel;
import org.dunshield.core.settings.Mode;
import org.dunshield.core.settings.Settings;

/**
 * The emergency exception: a caller who rings again within N minutes (setting
 * repeat-allow-minutes, 0 = off) gets through once, in case it is urgent. "Once" means: not if a
 * call from the same number in that window already got through this way, so a collector cannot
 * ring through repeatedly by redialling. Applies in standard and strangers modes, to calls only.
 */
final class RepeatCallerCheck implements Check {
  static final String ID = "repeat-caller";

  @Override
  public String id() {
    return ID;
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
    // from memory in live screening (RepeatCallTracker), else one question to the history
    if (RepeatCallTracker.earlier(context.history(), minutes, incoming.number(), incoming.at())
        != RepeatCallTracker.Earlier.CALLED) {
      return null; // no earlier call, or one already let through this way
    }
    return new Verdict(Action.ALLOW, id(), null, null,
        new Reason(minutes + " 分钟内再次来电，放行一次以防紧急情况",
            "called again within " + minutes + " minutes: let through once in case it is urgent"),
        incoming.number());
  }
}
