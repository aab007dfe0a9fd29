package org.dunshield.server.loan;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dunshield.core.loan.Allocation;
import org.dunshield.core.loan.CashFlow;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.DeferralLetter;
import org.dunshield.core.loan.DeferralPlan;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.Payment;
import org.dunshield.core.loan.Reminder;
import org.dunshield.server.Json;

/**
 * The loan desk over HTTP, under {@code /api/v1/loans}: the same computations and the same JSON
 * documents ({@link LoanJson}) as {@code dunshield loan ... --json}. Request bodies are JSON objects
 * whose fields mirror the command's options ({@code --fee-upfront} is {@code feeUpfront}); amounts
 * and rates may be strings or numbers. Bad input answers {@code 400 {"error": "..."}} naming the
 * field, an unknown loan {@code 404}; nothing is stored then. Thread-safe if the desk is.
 *
 * <pre>{@code
 * Javalin.create(config -> new LoanApi(desk).register(config.routes));
 * }</pre>
 */
public final class LoanApi {
  /** Where the routes live. */
  public static final String BASE = "/api/v1/loans";

  private static final List<String> PAYMENT = List.of("amount", "date");
  private static final List<String> DEFERRAL = List.of("budget", "lang", "asOf");
  private static final List<String> FLOWS = List.of("flows");

  private final java.util.function.Function<Context, LoanDesk> desks;

  public LoanApi(LoanDesk desk) {
    java.util.Objects.requireNonNull(desk, "desk");
    this.desks = ctx -> desk;
  }

  /** The desk of each request's account ({@code desks} decides whose, e.g. the signed-in user's). */
  public LoanApi(java.util.function.Function<Context, LoanDesk> desks) {
    this.desks = java.util.Objects.requireNonNull(desks, "desks");
  }

  /** Declares the loan desk's routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post(BASE + "/calc", guarded(this::calc));
    routes.post(BASE + "/xirr", guarded(this::xirr));
    routes.get(BASE, guarded(this::list));
    routes.post(BASE, guarded(this::add));
    routes.get(BASE + "/calendar.ics", guarded(this::calendar));
    routes.post(BASE + "/{id}/payments", guarded(this::pay));
    routes.get(BASE + "/{id}/overdue", guarded(this::overdue));
    routes.post(BASE + "/{id}/deferral", guarded(this::deferral));
  }

  void calc(Context ctx) {
    Body body = Body.parse(ctx.body(), ContractTerms.FIELDS);
    json(ctx, 200, LoanJson.calc(terms(body).toContract(desks.apply(ctx).today(), Body::name), desks.apply(ctx).lpr()));
  }

  void xirr(Context ctx) {
    JsonNode flows = Body.parse(ctx.body(), FLOWS).get("flows");
    if (flows == null || !flows.isArray() || flows.isEmpty()) {
      throw new IllegalArgumentException(
          "field 'flows' is required: a list of {\"date\", \"amount\"} or \"DATE:AMOUNT\"");
    }
    List<CashFlow> parsed = new ArrayList<>();
    for (int i = 0; i < flows.size(); i++) {
      parsed.add(flow(flows.get(i), "flows[" + i + "]"));
    }
    json(ctx, 200, LoanJson.xirr(parsed));
  }

  void list(Context ctx) {
    json(ctx, 200, LoanJson.list(desks.apply(ctx).standings()));
  }

  void add(Context ctx) {
    Body body = Body.parse(ctx.body(), ContractTerms.FIELDS);
    String lender = body.text("lender");
    if (lender == null || lender.isBlank()) {
      throw new IllegalArgumentException(
          "field 'lender' is required: the lender's name as on the contract");
    }
    Contract contract = terms(body).toContract(desks.apply(ctx).today(), Body::name);
    long id = desks.apply(ctx).add(contract);
    ctx.header("Location", BASE + "/" + id);
    json(ctx, 201, LoanJson.added(id, contract));
  }

  void pay(Context ctx) {
    long id = loanId(ctx);
    Body body = Body.parse(ctx.body(), PAYMENT);
    String date = body.text("date");
    String amount = body.text("amount");
    if (amount == null) {
      throw new IllegalArgumentException("field 'amount' is required");
    }
    Payment payment = new Payment(
        date == null ? desks.apply(ctx).today() : ContractTerms.date(Body::name, "date", date),
        ContractTerms.field(Body::name, "amount",
            () -> Money.requirePositive(Money.parse(amount), "payment")));
    Allocation allocation = desks.apply(ctx).pay(id, payment);
    json(ctx, 201, LoanJson.payment(id, payment, allocation));
  }

  void overdue(Context ctx) {
    long id = loanId(ctx);
    String asOf = ctx.queryParam("asOf");
    LocalDate day = asOf == null ? null : ContractTerms.date(LoanApi::parameter, "asOf", asOf);
    Language language = language(ctx.queryParam("lang"), "parameter 'lang'", Language.EN);
    json(ctx, 200, LoanJson.overdue(id, desks.apply(ctx).overdue(id, day), language));
  }

  void deferral(Context ctx) {
    long id = loanId(ctx);
    Body body = Body.parse(ctx.body(), DEFERRAL);
    String budget = body.text("budget");
    if (budget == null) {
      throw new IllegalArgumentException("field 'budget' is required: what you can pay a month");
    }
    BigDecimal monthly = ContractTerms.field(Body::name, "budget",
        () -> Money.requirePositive(Money.parse(budget), "monthly budget"));
    String asOf = body.text("asOf");
    LocalDate day = asOf == null ? null : ContractTerms.date(Body::name, "asOf", asOf);
    Language language = language(body.text("lang"), "field 'lang'", Language.ZH);
    DeferralPlan plan = desks.apply(ctx).deferral(id, monthly, day);
    String letter = DeferralLetter.render(desks.apply(ctx).get(id).contract(), plan, language);
    json(ctx, 200, LoanJson.deferral(id, plan, letter));
  }

  void calendar(Context ctx) {
    int daysAhead = daysAhead(ctx.queryParam("daysAhead"));
    Language language = language(ctx.queryParam("lang"), "parameter 'lang'", Language.EN);
    List<Reminder> reminders = desks.apply(ctx).reminders(daysAhead);
    if (reminders.isEmpty()) {
      json(ctx, 404, LoanJson.error("no open loan has a due date from " + desks.apply(ctx).today() + " on"));
      return;
    }
    StringWriter ics = new StringWriter();
    try {
      IcsWriter.write(IcsWriter.calendar(reminders, daysAhead, desks.apply(ctx).clock().instant(), language), ics);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.status(200).contentType("text/calendar; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"loans.ics\"").result(ics.toString());
  }

  private long loanId(Context ctx) {
    String text = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UnknownLoan("no loan with id '" + text + "'");
    }
    try {
      desks.apply(ctx).get(id);
    } catch (IllegalArgumentException e) {
      throw new UnknownLoan(e.getMessage());
    }
    return id;
  }

  private static String parameter(String name) {
    return "parameter '" + name + "'";
  }

  private static ContractTerms terms(Body b) {
    return new ContractTerms(b.text("amount"), b.text("received"), b.text("rate"),
        b.text("rateBasis"), b.flag("flat"), b.text("term"), b.text("method"), b.text("start"),
        b.text("signed"), b.text("feeUpfront"), b.text("feePerPeriod"), b.text("dayCount"),
        b.text("overdueRate"), b.text("damages"), b.text("lender"), b.text("lenderKind"),
        b.text("type"), b.text("purpose"), b.text("currency"));
  }

  private static CashFlow flow(JsonNode node, String what) {
    if (node.isTextual()) {
      return ContractTerms.field(f -> f, what, () -> CashFlow.parse(node.textValue()));
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          what + " must be {\"date\": DATE, \"amount\": AMOUNT} or \"DATE:AMOUNT\"");
    }
    String date = Body.text(node.get("date"), what + ".date");
    String amount = Body.text(node.get("amount"), what + ".amount");
    if (date == null || amount == null) {
      throw new IllegalArgumentException(what + " needs both \"date\" and \"amount\"");
    }
    LocalDate day = ContractTerms.date(f -> f, what + ".date", date);
    BigDecimal value = ContractTerms.field(f -> f, what + ".amount", () -> Money.parse(amount));
    return ContractTerms.field(f -> f, what, () -> new CashFlow(day, value));
  }

  private static Language language(String code, String what, Language fallback) {
    return code == null ? fallback
        : ContractTerms.field(f -> what, what, () -> Language.fromCode(code));
  }

  private static int daysAhead(String text) {
    if (text == null) {
      return 3;
    }
    try {
      int days = Integer.parseInt(text.trim());
      if (days >= 0 && days <= 366) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "parameter 'daysAhead' must be a whole number of days from 0 to 366, got '" + text + "'");
  }

  /** Answers 400 for bad input and 404 for an unknown loan, as JSON, whatever the server's defaults. */
  private static Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (UnknownLoan e) {
        json(ctx, 404, LoanJson.error(e.getMessage()));
      } catch (IllegalArgumentException e) {
        json(ctx, 400, LoanJson.error(e.getMessage()));
      }
    };
  }

  private static void json(Context ctx, int status, Map<String, Object> body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.compact(body));
  }

  /** A loan id in the path that names no loan of this desk. */
  private static final class UnknownLoan extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownLoan(String message) {
      super(message);
    }
  }
}
