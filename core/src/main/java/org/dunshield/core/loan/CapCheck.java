package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A contract's true cost against its legal cap. {@code charges} is everything paid beyond what was
 * really received (interest and fees); {@code supported} the charges a schedule on the amount
 * received at the cap's limit would carry (never more than {@code charges}: a cap never raises a
 * charge); {@code excess} the money above the limit and {@code excessOverCeiling} the money above the
 * ceiling, when the rule has one.
 */
public record CapCheck(
    LegalCap cap,
    BigDecimal trueCostPercent,
    boolean exceedsLimit,
    boolean exceedsCeiling,
    BigDecimal charges,
    BigDecimal supported,
    BigDecimal excess,
    BigDecimal excessOverCeiling) {

  public static CapCheck of(Contract contract, LprTable lpr) {
    Schedule schedule = Schedule.of(contract);
    return of(contract, schedule, TrueCost.of(contract, schedule), LegalCap.of(contract, lpr));
  }

  public static CapCheck of(Contract contract, Schedule schedule, TrueCost cost, LegalCap cap) {
    BigDecimal apr = cost.nominalPercent();
    BigDecimal charges = cost.cost();
    BigDecimal supported = chargesAt(contract, cap.limitPercent()).min(charges);
    BigDecimal overCeiling = BigDecimal.ZERO.setScale(2);
    boolean aboveCeiling = false;
    if (cap.ceilingPercent() != null) {
      aboveCeiling = apr.compareTo(cap.ceilingPercent()) > 0;
      overCeiling = charges.subtract(chargesAt(contract, cap.ceilingPercent()).min(charges));
    }
    return new CapCheck(
        cap,
        apr,
        apr.compareTo(cap.limitPercent()) > 0,
        aboveCeiling,
        charges,
        supported,
        charges.subtract(supported),
        overCeiling);
  }

  /**
   * The charges of a lawful loan: the amount really received, lent at {@code percent} a year on the
   * declining balance with the contract's term and repayment pattern, without fees.
   */
  static BigDecimal chargesAt(Contract c, BigDecimal percent) {
    BigDecimal net = c.netReceived();
    Rate rate = new Rate(percent, RateBasis.ANNUAL);
    if (c.method() == RepaymentMethod.BULLET) {
      BigDecimal days = BigDecimal.valueOf(BulletSchedule.days(c));
      return net.multiply(rate.dailyFraction(DayCount.ACT_365))
          .multiply(days)
          .setScale(2, RoundingMode.HALF_UP);
    }
    RepaymentMethod method =
        c.method() == RepaymentMethod.FLAT_FEE ? RepaymentMethod.EQUAL_PRINCIPAL : c.method();
    Contract lawful =
        new Contract(
            c.lender(), c.type(), c.currency(), c.purpose(), net, net, rate, c.term(), method,
            c.signed(), c.start(), DayCount.THIRTY_360, Fees.NONE, c.onDefault());
    return Schedule.of(lawful).totalInterest();
  }
}
