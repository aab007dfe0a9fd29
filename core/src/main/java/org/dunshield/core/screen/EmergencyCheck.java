package org.dunshield.core.screen;

import org.dunshield.core.number.NumberKind;

/** Emergency numbers (110, 119, 120, 122, 112) always get through unless a user rule says otherwise. */
final class EmergencyCheck implements Check {
  private static final Reason REASON = new Reason("紧急号码，任何模式都不拦截", "emergency number: never blocked by a mode");

  @Override
  public String id() {
    return "emergency";
  }

  @Override
  public int priority() {
    return StandardChecks.EMERGENCY;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (incoming.number() != null && incoming.number().kind() == NumberKind.EMERGENCY) {
      return new Verdict(Action.ALLOW, id(), null, Category.INSTITUTION, REASON, incoming.number());
    }
    return null;
  }
}
