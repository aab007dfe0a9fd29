package org.dunshield.core.screen;

import org.dunshield.core.settings.Mode;
import org.dunshield.core.settings.Settings;

/**
 * A number the user called in the last N days (setting dialed-allow-days, 0 = off) gets through. Live
 * screening answers from the numbers it keeps in memory ({@link DialledTracker}).
 */
final class DialledCheck implements Check {
  @Override
  public String id() {
    return "dialled";
  }

  @Override
  public int priority() {
    return StandardChecks.DIALLED;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    Settings settings = context.settings();
    int days = settings.dialledAllowDays();
    if (days == 0 || incoming.withheld() || settings.mode() == Mode.WHITELIST_ONLY || settings.mode() == Mode.BLOCK_ALL) {
      return null;
    }
    if (DialledTracker.dialled(context.history(), days, incoming.number(), incoming.at())) {
      return new Verdict(Action.ALLOW, id(), null, null,
          new Reason("您在最近 " + days + " 天内拨打过这个号码", "you called this number in the last " + days + " days"),
          incoming.number());
    }
    return null;
  }
}
