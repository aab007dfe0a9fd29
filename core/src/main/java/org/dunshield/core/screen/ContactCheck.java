package org.dunshield.core.screen;

import org.dunshield.core.settings.Mode;

/** Numbers in the user's address book ring, except in whitelist-only and block-all modes. */
final class ContactCheck implements Check {
  private static final Reason REASON = new Reason("通讯录联系人", "in your contacts");

  @Override
  public String id() {
    return "contact";
  }

  @Override
  public int priority() {
    return StandardChecks.CONTACT;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    Mode mode = context.settings().mode();
    if (mode == Mode.WHITELIST_ONLY || mode == Mode.BLOCK_ALL || incoming.withheld()) {
      return null;
    }
    if (context.contacts().contains(incoming.number())) {
      return new Verdict(Action.ALLOW, id(), null, Category.NORMAL, REASON, incoming.number());
    }
    return null;
  }
}
