package org.dunshield.core.screen;

import org.dunshield.core.event.Channel;

/**
 * The screening mode. {@code strangers} blocks everyone no earlier check allowed (non-contacts),
 * {@code whitelist-only} everyone but allow rules and service numbers, {@code block-all} everyone but
 * allow rules and emergency numbers. SMS are silenced (filed in the spam folder, kept in history)
 * rather than blocked, so a verification code is never lost.
 */
final class ModeCheck implements Check {
  @Override
  public String id() {
    return "mode";
  }

  @Override
  public int priority() {
    return StandardChecks.MODE;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    Reason reason = switch (context.settings().mode()) {
      case STANDARD -> null;
      case STRANGERS -> new Reason("陌生号码（不在通讯录中），已开启拦截陌生人模式",
          "not in your contacts, and strangers mode is on");
      case WHITELIST_ONLY -> new Reason("白名单模式：只有您放行的号码可以接通",
          "whitelist-only mode: only numbers you allowed get through");
      case BLOCK_ALL -> new Reason("全部拦截模式已开启", "block-all mode is on");
    };
    if (reason == null) {
      return null;
    }
    Action action = incoming.channel() == Channel.SMS ? Action.SILENCE : Action.BLOCK;
    return new Verdict(action, id(), null, null, reason, incoming.number());
  }
}
