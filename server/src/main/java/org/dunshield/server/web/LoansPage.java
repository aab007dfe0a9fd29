package org.dunshield.server.web;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DeferralLetter;
import org.dunshield.core.loan.DeferralPlan;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.Loan;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.Payment;
import org.dunshield.report.Reports;
import org.dunshield.server.loan.ContractTerms;
import org.dunshield.server.loan.LoanJson;

/**
 * {@code /loans}: the loan desk in the browser — every contract with what is paid, outstanding and
 * overdue; add a contract (the same terms and checks as {@code loan add}); a loan's page with its
 * schedule, true cost (APR, XIRR), the legal cap check, payments (record one), the overdue
 * statement, and a deferral request letter as PDF for a monthly budget. The calendar of due dates
 * is {@code /api/v1/loans/calendar.ics}. Loans of other accounts answer 404.
 */
final class LoansPage {
  private final Web web;

  LoansPage(Web web) {
    this.web = web;
  }

  void list(Context ctx) {
    list(ctx, 200, null);
  }

  private void list(Context ctx, int status, String error) {
    LoanDesk desk = web.workspace(ctx).loans();
    Map<String, Object> model = new HashMap<>();
    model.put("loans", LoanJson.list(desk.standings()).get("loans"));
    model.put("error", error);
    model.put("today", desk.today().toString());
    model.put("methods", List.of(org.dunshield.core.loan.RepaymentMethod.values()).stream()
        .map(org.dunshield.core.loan.RepaymentMethod::code).toList());
    model.put("lenderKinds", List.of(org.dunshield.core.loan.LenderKind.values()).stream()
        .map(org.dunshield.core.loan.LenderKind::code).toList());
    web.render(ctx, status, "loans", "loans", model);
  }

  void add(Context ctx) {
    LoanDesk desk = web.workspace(ctx).loans();
    long id;
    try {
      Contract contract = new ContractTerms(f(ctx, "amount"), f(ctx, "received"), f(ctx, "rate"), f(ctx, "rateBasis"),
          ctx.formParam("flat") != null, f(ctx, "term"), f(ctx, "method"), f(ctx, "start"), f(ctx, "signed"),
          f(ctx, "feeUpfront"), f(ctx, "feePerPeriod"), null, f(ctx, "overdueRate"), f(ctx, "damages"),
          f(ctx, "lender"), f(ctx, "lenderKind"), null, f(ctx, "purpose"), null)
          .toContract(desk.today(), name -> name);
      id = desk.add(contract);
    } catch (IllegalArgumentException e) {
      list(ctx, 400, e.getMessage());
      return;
    }
    Web.done(ctx, "/loans/" + id, "loan_added", "#" + id);
  }

  void show(Context ctx) {
    show(ctx, 200, null);
  }

  private void show(Context ctx, int status, String error) {
    LoanDesk desk = web.workspace(ctx).loans();
    long id = id(ctx);
    Loan loan = find(desk, id);
    Map<String, Object> model = new HashMap<>();
    model.put("id", id);
    model.put("calc", LoanJson.calc(loan.contract(), desk.lpr()));
    model.put("payments", loan.payments().stream()
        .map(p -> Map.of("date", p.date().toString(), "amount", p.amount().toPlainString())).toList());
    Language language = "zh".equals(Web.lang(ctx)) ? Language.ZH : Language.EN;
    model.put("overdue", LoanJson.overdue(id, desk.overdue(id, null), language));
    model.put("today", desk.today().toString());
    model.put("error", error);
    web.render(ctx, status, "loan", "loans", model);
  }

  void pay(Context ctx) {
    LoanDesk desk = web.workspace(ctx).loans();
    long id = id(ctx);
    find(desk, id);
    try {
      String amount = f(ctx, "amount");
      if (amount == null) {
        throw new IllegalArgumentException("amount: required");
      }
      BigDecimal value = Money.requirePositive(Money.parse(amount), "amount");
      String date = f(ctx, "date");
      LocalDate day = date == null ? desk.today() : ContractTerms.date(n -> n, "date", date);
      desk.pay(id, new Payment(day, value));
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage());
      return;
    }
    Web.done(ctx, "/loans/" + id, "payment_recorded", null);
  }

  /** {@code GET /loans/{id}/deferral.pdf?budget=}: the deferral request letter as PDF. */
  void deferral(Context ctx) {
    LoanDesk desk = web.workspace(ctx).loans();
    long id = id(ctx);
    Loan loan = find(desk, id);
    DeferralPlan plan;
    try {
      String budget = ctx.queryParam("budget");
      if (budget == null || budget.isBlank()) {
        throw new IllegalArgumentException("budget: what you can pay a month is required");
      }
      plan = desk.deferral(id, Money.requirePositive(Money.parse(budget.strip()), "budget"), null);
    } catch (IllegalArgumentException e) {
      show(ctx, 400, e.getMessage());
      return;
    }
    Language language = "zh".equals(Web.lang(ctx)) ? Language.ZH : Language.EN;
    String letter = DeferralLetter.render(loan.contract(), plan, language);
    ctx.status(200).contentType("application/pdf")
        .header("Content-Disposition", "attachment; filename=\"deferral-" + id + ".pdf\"")
        .result(Reports.renderLetter(letter));
  }

  private static Loan find(LoanDesk desk, long id) {
    try {
      return desk.get(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound();
    }
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFound();
    }
  }

  private static String f(Context ctx, String field) {
    String v = Web.form(ctx, field);
    return v == null || v.isEmpty() ? null : v;
  }
}
