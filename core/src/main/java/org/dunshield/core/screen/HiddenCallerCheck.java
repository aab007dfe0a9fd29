package org.dunshield.core.screen;

import org.dunshield.core.event.Channel;

/** With block-hidden on, callers whose number is withheld (hidden, unknown, payphone) are blocked. */
final class HiddenCallerCheck implements Check {
  @Override
  public String id() {
    return "hidden-caller";
  }

  @Override
  public int priority() {
    return StandardChecks.HIDDEN_CALLER;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (!context.settings().blockHidden() || incoming.channel() != Channel.CALL || !incoming.withheld()) {
      return null;
    }
    String how = switch (incoming.presentation()) {
      case PAYPHONE -> "payphone";
      case UNKNOWN -> "unknown";
      default -> "hidden";
    };
    String howZh = switch (incoming.presentation()) {
      case PAYPHONE -> "公用电话";
      case UNKNOWN -> "未知号码";
      default -> "隐藏号码";
    };
    return new Verdict(Action.BLOCK, id(), null, null,
        new Reason(howZh + "来电，已开启拦截隐藏号码", how + " caller, and blocking hidden callers is on"), null);
  }
}
