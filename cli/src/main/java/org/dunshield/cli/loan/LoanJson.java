package org.dunshield.cli.loan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.loan.Allocation;
import org.dunshield.core.loan.CapCheck;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DeferralPlan;
import org.dunshield.core.loan.Instalment;
import org.dunshield.core.loan.LegalCap;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.OverdueReport;
import org.dunshield.core.loan.PrincipalRecomputation;
import org.dunshield.core.loan.Schedule;
import org.dunshield.core.loan.TrueCost;

/**
 * The JSON shapes of the loan commands, as ordered maps: money is a string with two decimals,
 * percentages are strings ({@code "12.00"} means 12 %), dates ISO strings.
 */
final class LoanJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LoanJson() {}

  static void print(PrintWriter out, Object document) {
    try {
      out.println(MAPPER.writeValueAsString(document));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A two-entry object in this order. */
  static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  static String money(BigDecimal amount) {
    return Money.format(amount);
  }

  static String percent(BigDecimal percent) {
    return percent == null ? null : percent.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
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
    Map<String, Object> overdueRate = null;
    if (overdue != null) {
      overdueRate = new LinkedHashMap<>();
      overdueRate.put("percent", overdue.percent().toPlainString());
      overdueRate.put("basis", overdue.basis().code());
    }
    m.put("overdueRate", overdueRate);
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

  static Map<String, Object> apr(TrueCost t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nominal", percent(t.nominalPercent()));
    m.put("effective", percent(t.effectivePercent()));
    m.put("monthlyIrr", t.monthlyPercent().toPlainString());
    m.put("xirr", percent(t.xirrPercent()));
    return m;
  }

  static Map<String, Object> cap(LegalCap cap) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", cap.rule().code());
    m.put("lpr", percent(cap.lprPercent()));
    m.put("limit", percent(cap.limitPercent()));
    m.put("ceiling", percent(cap.ceilingPercent()));
    return m;
  }

  static Map<String, Object> cap(CapCheck check) {
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

  static Map<String, Object> art670(PrincipalRecomputation r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applies", r.applies());
    m.put("principal", money(r.lawfulPrincipal()));
    m.put("contractTotal", money(r.contractTotal()));
    m.put("lawfulTotal", money(r.lawfulTotal()));
    m.put("overcharge", money(r.overcharge()));
    return m;
  }

  static Map<String, Object> allocation(Allocation a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("costs", money(a.costs()));
    m.put("interest", money(a.interest()));
    m.put("principal", money(a.principal()));
    m.put("prepaid", money(a.prepaid()));
    return m;
  }

  static Map<String, Object> overdue(OverdueReport r) {
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
    return m;
  }

  static Map<String, Object> deferral(DeferralPlan p) {
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
    return m;
  }
}
