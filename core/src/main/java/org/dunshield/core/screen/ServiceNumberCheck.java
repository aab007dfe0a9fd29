package org.dunshield.core.screen;

import org.dunshield.core.number.NumberKind;
import org.dunshield.core.settings.Mode;

/**
 * Service and government numbers (95xxx, 96xxx, 100xx, 12xxx) are never taken for spam or blocked by
 * a mode (setting service-allow), except in block-all mode; an explicit user rule still can block them.
 */
final class ServiceNumberCheck implements Check {
  private static final Reason SERVICE = new Reason("银行、运营商等服务号码", "service number (bank, carrier, utility)");
  private static final Reason GOVERNMENT = new Reason("政府服务热线", "government hotline");

  @Override
  public String id() {
    return "service-number";
  }

  @Override
  public int priority() {
    return StandardChecks.SERVICE;
  }

  @Override
  public Verdict check(Incoming incoming, ScreeningContext context) {
    if (!context.settings().serviceAllow() || context.settings().mode() == Mode.BLOCK_ALL || incoming.withheld()) {
      return null;
    }
    NumberKind kind = incoming.number().kind();
    if (kind == NumberKind.SERVICE || kind == NumberKind.GOVERNMENT) {
      return new Verdict(Action.ALLOW, id(), null, Category.INSTITUTION,
          kind == NumberKind.SERVICE ? SERVICE : GOVERNMENT, incoming.number());
    }
    return null;
  }
}
