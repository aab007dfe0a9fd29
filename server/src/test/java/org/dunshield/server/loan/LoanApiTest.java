package org.dunshield.server.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.dunshield.core.loan.LoanDesk;
import org.dunshield.core.loan.LprTable;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.server.DunshieldServer;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/loans} on a real server on a free port over a real SQLite store, today being
 * 2025-09-01: every endpoint, and bad input answered 400 naming the field with nothing stored.
 */
class LoanApiTest {
  private static final String MICROLOAN = "{\"lender\":\"Quick Cash\",\"lenderKind\":\"microloan\","
      + "\"amount\":\"10000\",\"feeUpfront\":1000,\"rate\":\"12%\",\"term\":12,"
      + "\"signed\":\"2025-06-01\",\"start\":\"2025-06-01\",\"overdueRate\":\"0.05%/day\","
      + "\"damages\":\"5%\"}";

  @TempDir Path data;
  private Database db;
  private DunshieldServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeEach
  void start() {
    db = Database.openDirectory(data);
    Clock today = Clock.fixed(LocalDate.of(2025, 9, 1).atTime(12, 0).toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC);
    LiveScreening screening = new LiveScreening(db.rules(), db.contacts(), db.settings(),
        db.history(), Screener.standard(), today, Duration.ZERO);
    server = DunshieldServer.start(new DunshieldServer.Config("127.0.0.1", 0, screening,
        limit -> List.of(), new LoanDesk(db.loans(), LprTable.bundled(), today)));
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private JsonNode json(HttpResponse<String> r) throws Exception {
    return mapper.readTree(r.body());
  }

  private void assertBadRequest(HttpResponse<String> r, String mentions) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json(r).get("error").asText()).contains(mentions);
  }

  @Test
  void calcAnswersWhatLoanCalcJsonPrints() throws Exception {
    HttpResponse<String> r = post("/api/v1/loans/calc",
        "{\"amount\":10000,\"feeUpfront\":\"1000\",\"rate\":\"12%\",\"term\":\"12\","
            + "\"start\":\"2025-06-01\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode calc = json(r);
    assertThat(calc.get("contract").get("netReceived").asText()).isEqualTo("9000.00");
    assertThat(calc.get("schedule")).hasSize(12);
    assertThat(calc.get("schedule").get(0).get("payment").asText()).isEqualTo("888.49");
    assertThat(calc.get("totalInterest").asText()).isEqualTo("661.86");
    assertThat(calc.get("apr").get("nominal").asText()).isEqualTo("32.50");
    assertThat(calc.get("cap").get("excess").asText()).isEqualTo("449.41");
    assertThat(calc.get("art670").get("overcharge").asText()).isEqualTo("1066.18");
    assertThat(calc).isEqualTo(mapper.valueToTree(LoanJson.calc(
        new ContractTerms("10000", null, "12%", null, false, "12", null, "2025-06-01", null, "1000",
            null, null, null, null, null, null, null, null, null).toContract(null, f -> f),
        LprTable.bundled())));
  }

  @Test
  void calcRefusesBadFieldsNamingThem() throws Exception {
    assertBadRequest(post("/api/v1/loans/calc", "{\"amount\":-1,\"rate\":\"12%\",\"term\":12}"),
        "field 'amount'");
    assertBadRequest(post("/api/v1/loans/calc", "{\"amount\":100,\"rate\":\"2000%\",\"term\":12}"),
        "field 'rate'");
    assertBadRequest(post("/api/v1/loans/calc", "{\"amount\":100,\"rate\":\"12%\",\"term\":0}"),
        "field 'term'");
    assertBadRequest(post("/api/v1/loans/calc", "{\"amount\":100,\"rate\":\"12%\"}"),
        "field 'term': is required");
    assertBadRequest(post("/api/v1/loans/calc",
        "{\"amount\":100,\"rate\":\"12%\",\"term\":12,\"start\":\"2025-13-01\"}"), "field 'start'");
    assertBadRequest(post("/api/v1/loans/calc",
        "{\"amount\":100,\"rate\":\"12%\",\"term\":12,\"start\":\"2025-01-01\","
            + "\"signed\":\"2025-02-01\"}"), "before signing");
    assertBadRequest(post("/api/v1/loans/calc",
        "{\"amount\":100,\"rate\":\"12%\",\"term\":12,\"method\":\"balloon\"}"), "field 'method'");
    assertBadRequest(post("/api/v1/loans/calc", "{\"amout\":100}"), "unknown field 'amout'");
    assertBadRequest(post("/api/v1/loans/calc", "{\"amount\":"), "malformed JSON");
    assertBadRequest(post("/api/v1/loans/calc", "[1]"), "JSON object");
    assertBadRequest(post("/api/v1/loans/calc",
        "{\"amount\":100,\"rate\":\"12%\",\"term\":12,\"flat\":\"yes\"}"), "field 'flat'");
  }

  @Test
  void xirrTakesDatedFlowsEitherWay() throws Exception {
    HttpResponse<String> r = post("/api/v1/loans/xirr", "{\"flows\":["
        + "{\"date\":\"2025-06-01\",\"amount\":9000},\"2025-07-01:-888.49\","
        + "{\"date\":\"2025-09-15\",\"amount\":\"-3000\"},\"2026-06-01:-7000\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("xirr").asText()).isEqualTo("30.71");
    assertThat(json(r).get("flows")).hasSize(4);
    assertBadRequest(post("/api/v1/loans/xirr", "{\"flows\":[]}"), "field 'flows' is required");
    assertBadRequest(post("/api/v1/loans/xirr",
        "{\"flows\":[\"2025-06-01:100\",{\"date\":\"June\",\"amount\":1}]}"), "flows[1].date");
    assertBadRequest(post("/api/v1/loans/xirr", "{\"flows\":[\"2025-06-01:100\",\"2025-07-01:50\"]}"),
        "flows");
  }

  @Test
  void addsListsPaysAndReportsOverdue() throws Exception {
    HttpResponse<String> added = post("/api/v1/loans", MICROLOAN);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(json(added).get("id").asLong()).isEqualTo(1);
    assertThat(added.headers().firstValue("Location")).hasValue("/api/v1/loans/1");
    assertThat(json(added).get("contract").get("lender").asText()).isEqualTo("Quick Cash");

    HttpResponse<String> paid = post("/api/v1/loans/1/payments",
        "{\"amount\":\"888.49\",\"date\":\"2025-07-01\"}");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(json(paid).get("allocation").get("interest").asText()).isEqualTo("100.00");
    assertThat(json(paid).get("allocation").get("principal").asText()).isEqualTo("788.49");
    assertThat(json(paid).get("closesLoan").asBoolean()).isFalse();

    JsonNode list = json(get("/api/v1/loans")).get("loans");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("outstandingPrincipal").asText()).isEqualTo("9211.51");
    assertThat(list.get(0).get("daysOverdue").asInt()).isEqualTo(31);
    assertThat(list.get(0).get("nextDue").get("date").asText()).isEqualTo("2025-09-01");

    HttpResponse<String> overdue = get("/api/v1/loans/1/overdue?asOf=2025-09-01&lang=zh");
    assertThat(overdue.statusCode()).isEqualTo(200);
    JsonNode o = json(overdue);
    assertThat(o.get("daysOverdue").asInt()).isEqualTo(31);
    assertThat(o.get("claimed").get("total").asText()).isEqualTo("945.25");
    assertThat(o.get("supported").get("total").asText()).isEqualTo("904.72");
    assertThat(o.get("loanId").asLong()).isEqualTo(1);
    assertThat(o.get("consequences").get(0).asText()).contains("信用记录");
    assertThat(json(get("/api/v1/loans/1/overdue")).get("asOf").asText()).isEqualTo("2025-09-01");
  }

  @Test
  void badLoanInputIsRefusedAndNothingIsStored() throws Exception {
    assertBadRequest(post("/api/v1/loans", MICROLOAN.replace("\"lender\":\"Quick Cash\",", "")),
        "field 'lender' is required");
    assertBadRequest(post("/api/v1/loans", MICROLOAN.replace("\"12%\"", "\"-3%\"")), "field 'rate'");
    assertBadRequest(post("/api/v1/loans", MICROLOAN.replace("microloan", "loan shark")),
        "field 'lenderKind'");
    assertThat(db.loans().list()).isEmpty();

    post("/api/v1/loans", MICROLOAN);
    assertBadRequest(post("/api/v1/loans/1/payments", "{\"amount\":0}"), "field 'amount'");
    assertBadRequest(post("/api/v1/loans/1/payments", "{\"date\":\"2025-07-01\"}"),
        "field 'amount' is required");
    assertBadRequest(post("/api/v1/loans/1/payments",
        "{\"amount\":10,\"date\":\"first of May\"}"), "field 'date'");
    assertBadRequest(post("/api/v1/loans/1/payments", "{\"amount\":10,\"date\":\"2025-05-01\"}"),
        "before the contract was signed");
    assertThat(db.loans().find(1).orElseThrow().payments()).isEmpty();

    HttpResponse<String> unknown = post("/api/v1/loans/7/payments", "{\"amount\":10}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").asText()).isEqualTo("no loan with id 7");
    assertThat(get("/api/v1/loans/x/overdue").statusCode()).isEqualTo(404);
    assertBadRequest(get("/api/v1/loans/1/overdue?asOf=soon"), "parameter 'asOf'");
    assertBadRequest(get("/api/v1/loans/1/overdue?lang=fr"), "parameter 'lang'");
  }

  @Test
  void deferralAnswersThePlanAndTheLetterText() throws Exception {
    post("/api/v1/loans", MICROLOAN);
    post("/api/v1/loans/1/payments", "{\"amount\":\"888.49\",\"date\":\"2025-07-01\"}");
    HttpResponse<String> r = post("/api/v1/loans/1/deferral", "{\"budget\":600,\"lang\":\"en\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode plan = json(r);
    assertThat(plan.get("months").asInt()).isEqualTo(18);
    assertThat(plan.get("instalment").asText()).isEqualTo("572.49");
    assertThat(plan.get("firstDue").asText()).isEqualTo("2025-10-01");
    assertThat(plan.get("letter").asText()).startsWith("To: Quick Cash\n")
        .contains("18 monthly instalments of 572.49 CNY");
    assertThat(json(post("/api/v1/loans/1/deferral", "{\"budget\":\"600\"}")).get("letter").asText())
        .contains("申请");
    assertBadRequest(post("/api/v1/loans/1/deferral", "{}"), "field 'budget' is required");
    assertBadRequest(post("/api/v1/loans/1/deferral", "{\"budget\":-1}"), "field 'budget'");
    assertBadRequest(post("/api/v1/loans/1/deferral", "{\"budget\":600,\"lang\":\"fr\"}"),
        "field 'lang'");
    assertThat(post("/api/v1/loans/2/deferral", "{\"budget\":600}").statusCode()).isEqualTo(404);
    post("/api/v1/loans", MICROLOAN);
    post("/api/v1/loans/2/payments", "{\"amount\":10000,\"date\":\"2025-06-05\"}");
    assertBadRequest(post("/api/v1/loans/2/deferral", "{\"budget\":600}"), "nothing to defer");
  }

  @Test
  void theCalendarIsAnICalendarFileCalendarsCanRead() throws Exception {
    HttpResponse<String> none = get("/api/v1/loans/calendar.ics");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(json(none).get("error").asText()).contains("no open loan");

    post("/api/v1/loans", MICROLOAN);
    HttpResponse<String> r = get("/api/v1/loans/calendar.ics?daysAhead=5");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    assertThat(r.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:loan-1-4@dunshield")
        .contains("TRIGGER:-P5D");
    Calendar parsed = new CalendarBuilder().build(new StringReader(r.body()));
    assertThat(parsed.getComponents("VEVENT")).hasSize(10);
    assertBadRequest(get("/api/v1/loans/calendar.ics?daysAhead=-2"), "parameter 'daysAhead'");
  }
}
