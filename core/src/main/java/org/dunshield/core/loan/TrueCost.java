package org.dunshield.core.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What a loan really costs: the rate of return of the borrower's net cash flows (what was really
 * received, then every payment with its fees), as regulators require the annualised rate to be
 * computed. Rates are fractions; {@code monthlyIrr} is the IRR per month, {@code nominalAnnual} = IRR
 * × 12 and {@code effectiveAnnual} = (1 + IRR)^12 − 1. A bullet loan has one period of its own
 * length d days, so there nominal = i × 365 / d and effective = (1 + i)^(365/d) − 1. {@code xirr}
 * uses the actual dates.
 */
public record TrueCost(
    BigDecimal netReceived,
    BigDecimal totalRepaid,
    BigDecimal cost,
    BigDecimal monthlyIrr,
    BigDecimal nominalAnnual,
    BigDecimal effectiveAnnual,
    BigDecimal xirr) {

  public static TrueCost of(Contract contract) {
    return of(contract, Schedule.of(contract));
  }

  public static TrueCost of(Contract contract, Schedule schedule) {
    BigDecimal net = contract.netReceived();
    BigDecimal repaid = schedule.totalPaid();
    List<CashFlow> dated = new ArrayList<>();
    dated.add(new CashFlow(contract.start(), net));
    schedule.instalments().forEach(i -> dated.add(new CashFlow(i.date(), i.payment().negate())));
    BigDecimal xirr = Irr.xirr(dated);
    if (contract.method() == RepaymentMethod.BULLET) {
      double days = BulletSchedule.days(contract);
      double i = repaid.doubleValue() / net.doubleValue() - 1;
      BigDecimal nominal = new BigDecimal(i * 365 / days, MathContext.DECIMAL64);
      BigDecimal effective =
          new BigDecimal(Math.pow(1 + i, 365 / days) - 1, MathContext.DECIMAL64);
      BigDecimal monthly = nominal.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
      return new TrueCost(net, repaid, repaid.subtract(net), monthly, nominal, effective, xirr);
    }
    List<BigDecimal> flows = new ArrayList<>();
    flows.add(net);
    schedule.instalments().forEach(i -> flows.add(i.payment().negate()));
    BigDecimal monthly = Irr.periodic(flows);
    return new TrueCost(
        net,
        repaid,
        repaid.subtract(net),
        monthly,
        Irr.nominalAnnual(monthly),
        Irr.effectiveAnnual(monthly),
        xirr);
  }

  /** IRR × 12 in percent, two decimals. */
  public BigDecimal nominalPercent() {
    return Irr.percent(nominalAnnual, 2);
  }

  /** (1 + IRR)^12 − 1 in percent, two decimals. */
  public BigDecimal effectivePercent() {
    return Irr.percent(effectiveAnnual, 2);
  }

  /** The monthly IRR in percent with six decimals, as regulators print it. */
  public BigDecimal monthlyPercent() {
    return Irr.percent(monthlyIrr, 6);
  }

  /** XIRR in percent, two decimals. */
  public BigDecimal xirrPercent() {
    return Irr.percent(xirr, 2);
  }
}
