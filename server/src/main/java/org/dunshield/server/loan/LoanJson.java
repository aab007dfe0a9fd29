package org.dunshield.server.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.loan.Allocation;
import org.dunshield.core.loan.CapCheck;
import org.dunshield.core.loan.CashFlow;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DefaultConsequences;
import org.dunshield.core.loan.DeferralPlan;
import org.dunshield.core.loan.Instalment;
import org.dunshield.core.loan.Irr;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.LegalCap;
import org.dunshield.core.loan.LprTable;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.OverdueReport;
import org.dunshield.core.loan.Payment;
import org.dunshield.core.loan.PrincipalRecomputation;
import org.dunshield.core.loan.Schedule;
import org.dunshield.core.loan.Standing;
import org.dunshield.core.loan.TrueCost;

/**
 * The JSON documents of the loan desk, the one implementation behind both {@code dunshield loan ...
 * --json} and {@code /api/v1/loans}: ordered maps, so the field order is stable. Money is a string
 * with two decimals, percentages are strings without the sign ({@code "12.00"} is 12 %), dates ISO
 * strings. Thread-safe (stateless).
 */
public final class LoanJson {
  private LoanJson() {}

  /** {@code loan calc}: the contract, its schedule, true cost, legal cap and the art. 670 check. */
  public static Map<String, Object> calc(Contract contract, LprTable lpr) {
    Schedule schedule = Schedule.of(contract);
    TrueCost cost = TrueCost.of(contract, schedule);
    CapCheck cap = CapCheck.of(contract, schedule, cost, LegalCap.of(contract, lpr));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contract", contract(contract));
    m.put("schedule", schedule(schedule));
    m.put("totalInterest", money(schedule.totalInterest()));
    m.put("closedFormInterest", money(Schedule.closedFormInterest(contract)));
    m.put("totalFees", money(schedule.totalFees().add(contract.withheld())));
    m.put("totalPaid", money(schedule.totalPaid()));
    m.put("netReceived", money(contract.netReceived()));
    m.put("cost", money(cost.cost()));
    m.put("apr", apr(cost));
    m.put("cap", cap(cap));
    m.put("art670", art670(PrincipalRecomputation.of(contract)));
    return m;
  }

  /** {@code loan xirr}: the flows, the annual rate in percent and as a fraction (12 decimals). */
  public static Map<String, Object> xirr(List<CashFlow> flows) {
    BigDecimal rate = Irr.xirr(flows);
    List<Object> list = new ArrayList<>();
    for (CashFlow f : flows) {
      list.add(pair("date", f.date().toString(), "amount", money(f.amount())));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flows", list);
    m.put("xirr", percent(Irr.percent(rate, 2)));
    m.put("rate", rate.toPlainString());
    return m;
  }

  /** {@code loan add}: the new id and the contract as stored. */
  public static Map<String, Object> added(long id, Contract contract) {
    return pair("id", id, "contract", contract(contract));
  }

  /** {@code loan list}: {@code {"loans": [...]}}, one row per stored loan. */
  public static Map<String, Object> list(List<Standing> standings) {
    List<Object> rows = new ArrayList<>();
    for (Standing s : standings) {
      Contract c = s.loan().contract();
      OverdueReport r = s.report();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.loan().id());
      m.put("lender", c.lender().name());
      m.put("lenderKind", c.lender().kind().code());
      m.put("amount", money(c.amount()));
      m.put("method", c.method().code());
      m.put("term", c.term().toString());
      m.put("signed", c.signed().toString());
      m.put("paid", money(s.paid()));
      m.put("outstandingPrincipal", money(r.outstandingPrincipal()));
      m.put("daysOverdue", r.daysOverdue());
      m.put("closed", r.closed());
      Instalment next = s.nextDue();
      m.put("nextDue", next == null ? null
          : pair("date", next.date().toString(), "amount", money(next.payment())));
      rows.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loans", rows);
    return m;
  }

  /** {@code loan pay}: the payment recorded and where it went (art. 561). */
  public static Map<String, Object> payment(long loanId, Payment payment, Allocation a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loanId", loanId);
    m.put("payment", pair("date", payment.date().toString(), "amount", money(payment.amount())));
    Map<String, Object> allocation = new LinkedHashMap<>();
    allocation.put("costs", money(a.costs()));
    allocation.put("interest", money(a.interest()));
    allocation.put("principal", money(a.principal()));
    allocation.put("prepaid", money(a.prepaid()));
    m.put("allocation", allocation);
    m.put("closesLoan", a.closesLoan());
    return m;
  }

  /** {@code loan overdue}: where the loan stands, with the consequences of default in {@code language}. */
  public static Map<String, Object> overdue(long loanId, OverdueReport r, Language language) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", r.asOf().toString());
    m.put("closed", r.closed());
    m.put("closedOn", r.closedOn() == null ? null : r.closedOn().toString());
    m.put("daysOverdue", r.daysOverdue());
    Map<String, Object> overdue = new LinkedHashMap<>();
    overdue.put("principal", money(r.overduePrincipal()));
    overdue.put("interest", money(r.overdueInterest()));
    overdue.put("fees", money(r.overdueFees()));
    m.put("overdue", overdue);
    Map<String, Object> claimed = new LinkedHashMap<>();
    claimed.put("overdueInterest", money(r.overdueInterestClaimed()));
    claimed.put("liquidatedDamages", money(r.damagesClaimed()));
    claimed.put("paid", money(r.chargesPaid()));
    claimed.put("total", money(r.overdueClaimed()));
    m.put("claimed", claimed);
    Map<String, Object> supported = new LinkedHashMap<>();
    supported.put("charges", money(r.chargesSupported()));
    supported.put("excess", money(r.chargesExcess()));
    supported.put("total", money(r.overdueSupported()));
    m.put("supported", supported);
    m.put("cap", cap(r.cap()));
    m.put("outstandingPrincipal", money(r.outstandingPrincipal()));
    m.put("payoff", money(r.payoff()));
    m.put("loanId", loanId);
    m.put("consequences", DefaultConsequences.of(language));
    return m;
  }

  /** {@code loan deferral}: the plan and the text of the request letter. */
  public static Map<String, Object> deferral(long loanId, DeferralPlan p, String letter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", p.asOf().toString());
    m.put("budget", money(p.budget()));
    m.put("toRepay", money(p.toRepay()));
    m.put("waiverRequested", money(p.waiverRequested()));
    m.put("instalment", money(p.instalment()));
    m.put("months", p.months());
    m.put("annualPercent", percent(p.annualPercent()));
    m.put("interest", p.treatment().code());
    m.put("firstDue", p.firstDue().toString());
    m.put("withinBudget", p.withinBudget());
    m.put("schedule", schedule(p.schedule()));
    m.put("loanId", loanId);
    m.put("letter", letter);
    return m;
  }

  /** {@code {"error": message}}, the body of every 4xx answer. */
  public static Map<String, Object> error(String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    return m;
  }

  static Map<String, Object> contract(Contract c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lender", c.lender().name());
    m.put("lenderKind", c.lender().kind().code());
    m.put("type", c.type());
    m.put("currency", c.currency().getCurrencyCode());
    m.put("purpose", c.purpose());
    m.put("amount", money(c.amount()));
    m.put("received", money(c.received()));
    m.put("netReceived", money(c.netReceived()));
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("percent", c.rate().percent().toPlainString());
    rate.put("basis", c.rate().basis().code());
    rate.put("annualPercent", percent(c.rate().annualPercent()));
    m.put("rate", rate);
    m.put("term", c.term().toString());
    m.put("method", c.method().code());
    m.put("signed", c.signed().toString());
    m.put("start", c.start().toString());
    m.put("dayCount", c.dayCount().code());
    m.put("feeUpfront", money(c.fees().upfront()));
    m.put("feePerPeriod", money(c.fees().perPeriod()));
    var overdue = c.onDefault().overdueRate();
    m.put("overdueRate", overdue == null ? null
        : pair("percent", overdue.percent().toPlainString(), "basis", overdue.basis().code()));
    m.put("liquidatedDamagesPercent", percent(c.onDefault().liquidatedDamagesPercent()));
    return m;
  }

  static List<Object> schedule(Schedule s) {
    List<Object> rows = new ArrayList<>();
    for (Instalment i : s.instalments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", i.period());
      m.put("date", i.date().toString());
      m.put("payment", money(i.payment()));
      m.put("principal", money(i.principal()));
      m.put("interest", money(i.interest()));
      m.put("fee", money(i.fee()));
      m.put("balance", money(i.balance()));
      rows.add(m);
    }
    return rows;
  }

  private static Map<String, Object> apr(TrueCost t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nominal", percent(t.nominalPercent()));
    m.put("effective", percent(t.effectivePercent()));
    m.put("monthlyIrr", t.monthlyPercent().toPlainString());
    m.put("xirr", percent(t.xirrPercent()));
    return m;
  }

  private static Map<String, Object> cap(LegalCap cap) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", cap.rule().code());
    m.put("lpr", percent(cap.lprPercent()));
    m.put("limit", percent(cap.limitPercent()));
    m.put("ceiling", percent(cap.ceilingPercent()));
    return m;
  }

  private static Map<String, Object> cap(CapCheck check) {
    Map<String, Object> m = cap(check.cap());
    m.put("trueCost", percent(check.trueCostPercent()));
    m.put("exceedsLimit", check.exceedsLimit());
    m.put("exceedsCeiling", check.exceedsCeiling());
    m.put("charges", money(check.charges()));
    m.put("supported", money(check.supported()));
    m.put("excess", money(check.excess()));
    m.put("excessOverCeiling", money(check.excessOverCeiling()));
    return m;
  }

  private static Map<String, Object> art670(PrincipalRecomputation r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applies", r.applies());
    m.put("principal", money(r.lawfulPrincipal()));
    m.put("contractTotal", money(r.contractTotal()));
    m.put("lawfulTotal", money(r.lawfulTotal()));
    m.put("overcharge", money(r.overcharge()));
    return m;
  }

  private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static String money(BigDecimal amount) {
    return Money.format(amount);
  }

  private static String percent(BigDecimal percent) {
    return percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
