package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunshield.store.Repositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every route the server registers (read from its route table, so a new route without an entry
 * here fails the test), user B tries user A's objects: B gets 403 or 404 for A's ids, lists show B
 * none of A's data, and whatever B writes lands in B's account while A's data stays as it was.
 */
class AuthorizationMatrixTest {
  private static final String A_NUMBER = "13911112222";
  private static final String A_SECRET = "ada-secret-text";
  private static final String A_CASE = "ada-case";
  private static final String A_LENDER = "AdaLender";

  @TempDir Path dir;
  private WebFixture web;
  private HttpSession a;
  private HttpSession b;
  private long aId;
  private long aRule;
  private long aCase;
  private long aLoan;
  private long aToken;

  @BeforeEach
  void start() {
    web = WebFixture.accounts(dir, true);
    a = AccountsTest.signUp(web, "ada");
    b = AccountsTest.signUp(web, "bob");
    aId = web.db.accounts().find("ada").orElseThrow().id();
    a.get("/rules");
    a.post("/rules", "action", "block", "kind", "exact", "pattern", A_NUMBER, "label", A_SECRET);
    a.json("POST", "/api/v1/screen/sms", "{\"sender\":\"" + A_NUMBER + "\",\"text\":\"" + A_SECRET + "\"}",
        "X-CSRF-Token", a.csrf);
    a.get("/cases");
    a.post("/cases", "name", A_CASE, "numbers", A_NUMBER);
    a.get("/loans");
    a.post("/loans", "lender", A_LENDER, "amount", "10000", "rate", "24%", "term", "12m", "method", "equal-instalment",
        "lenderKind", "microloan");
    a.get("/account");
    a.post("/account/tokens", "name", "ada phone");
    Repositories repos = web.db.forOwner(aId);
    aRule = repos.rules().list().get(0).id();
    aLoan = repos.loans().list().get(0).id();
    aCase = web.workspaceCases(aId).get(0).id();
    aToken = web.db.accounts().tokens(aId).get(0).id();
    b.get("/");
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private void denied(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + " -> " + r.body()).isIn(403, 404);
  }

  private void showsNothingOfA(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.request().method() + " " + r.uri()).isLessThan(500);
    assertThat(r.body()).as(r.uri().toString()).doesNotContain(A_SECRET).doesNotContain(A_CASE)
        .doesNotContain(A_LENDER).doesNotContain("ada phone");
  }

  private HttpResponse<String> bPostJson(String path, String body) {
    return b.json("POST", path, body, "X-CSRF-Token", b.csrf);
  }

  private Map<String, Consumer<Void>> probes() {
    Map<String, Consumer<Void>> p = new LinkedHashMap<>();
    // public: nothing of anyone's
    for (String route : List.of("GET /health", "GET /static/app.css", "GET /static/upload.js", "GET /api/v1/openapi.yaml", "GET /signin",
        "GET /signup")) {
      p.put(route, v -> showsNothingOfA(b.get(route.substring(4))));
    }
    p.put("POST /signin", v -> showsNothingOfA(b.post("/signin", "username", "ada", "password", "wrong password")));
    p.put("POST /signup", v -> showsNothingOfA(b.post("/signup", "username", "ada", "password", "x", "password2", "x")));
    p.put("POST /signout", v -> { }); // ends only the caller's own session; exercised in AccountsTest
    // lists and pages: B's own, none of A's
    for (String route : List.of("GET /", "GET /history", "GET /rules", "GET /imports", "GET /reputation", "GET /cases",
        "GET /loans", "GET /account", "GET /api/v1/history", "GET /api/v1/rules", "GET /api/v1/cases",
        "GET /api/v1/loans", "GET /api/v1/evidence/verify", "GET /api/v1/loans/calendar.ics")) {
      p.put(route, v -> showsNothingOfA(b.get(route.substring(4))));
    }
    p.put("GET /history?q", v -> assertThat(b.get("/history?q=" + A_SECRET).body()).as("B's search finds nothing of A")
        .contains("id=\"empty\""));
    // A's objects by id: 403/404
    p.put("POST /rules/{id}", v -> denied(b.post("/rules/" + aRule, "action", "allow", "kind", "exact", "pattern", A_NUMBER)));
    p.put("POST /rules/{id}/move", v -> denied(b.post("/rules/" + aRule + "/move", "direction", "up")));
    p.put("POST /rules/{id}/delete", v -> denied(b.post("/rules/" + aRule + "/delete")));
    p.put("DELETE /api/v1/rules/{id}", v -> denied(b.json("DELETE", "/api/v1/rules/" + aRule, null, "X-CSRF-Token", b.csrf)));
    p.put("GET /cases/{id}", v -> denied(b.get("/cases/" + aCase)));
    p.put("GET /cases/{id}/complaint", v -> denied(b.get("/cases/" + aCase + "/complaint?channel=police")));
    p.put("GET /api/v1/cases/{id}/report", v -> denied(b.get("/api/v1/cases/" + aCase + "/report?format=json")));
    p.put("GET /api/v1/cases/{id}/complaints/{channel}", v -> denied(b.get("/api/v1/cases/" + aCase + "/complaints/police")));
    p.put("GET /loans/{id}", v -> denied(b.get("/loans/" + aLoan)));
    p.put("POST /loans/{id}/payments", v -> denied(b.post("/loans/" + aLoan + "/payments", "amount", "100")));
    p.put("GET /loans/{id}/deferral.pdf", v -> denied(b.get("/loans/" + aLoan + "/deferral.pdf?budget=100")));
    p.put("POST /api/v1/loans/{id}/payments", v -> denied(bPostJson("/api/v1/loans/" + aLoan + "/payments", "{\"amount\":\"100\"}")));
    p.put("GET /api/v1/loans/{id}/overdue", v -> denied(b.get("/api/v1/loans/" + aLoan + "/overdue")));
    p.put("POST /api/v1/loans/{id}/deferral", v -> denied(bPostJson("/api/v1/loans/" + aLoan + "/deferral", "{\"budget\":\"100\"}")));
    p.put("POST /account/tokens/{id}/delete", v -> denied(b.post("/account/tokens/" + aToken + "/delete")));
    // writes without ids land in B's own account (A's data is checked unchanged at the end)
    p.put("POST /api/v1/screen/call", v -> {
      HttpResponse<String> r = bPostJson("/api/v1/screen/call", "{\"number\":\"" + A_NUMBER + "\"}");
      showsNothingOfA(r);
      assertThat(r.body()).as("A's block rule does not apply to B").contains("\"action\":\"allow\"");
    });
    p.put("POST /api/v1/screen/sms", v -> showsNothingOfA(bPostJson("/api/v1/screen/sms", "{\"sender\":\"" + A_NUMBER + "\",\"text\":\"b\"}")));
    p.put("POST /history/allow", v -> showsNothingOfA(b.post("/history/allow", "number", A_NUMBER)));
    p.put("POST /history/block", v -> showsNothingOfA(b.post("/history/block", "number", A_NUMBER, "scope", "prefix")));
    p.put("POST /rules", v -> showsNothingOfA(b.post("/rules", "action", "allow", "kind", "exact", "pattern", A_NUMBER)));
    p.put("POST /api/v1/rules", v -> showsNothingOfA(bPostJson("/api/v1/rules", "{\"action\":\"allow\",\"kind\":\"exact\",\"pattern\":\"" + A_NUMBER + "\"}")));
    p.put("POST /settings", v -> showsNothingOfA(b.post("/settings", "mode", "block-all")));
    p.put("POST /imports", v -> showsNothingOfA(b.upload("/imports", "c.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nTEL:13800138000\nEND:VCARD\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    p.put("POST /reputation", v -> showsNothingOfA(b.post("/reputation", "number", "17099990000", "category", "fraud")));
    p.put("POST /cases", v -> showsNothingOfA(b.post("/cases", "name", "bob-case", "numbers", A_NUMBER)));
    p.put("POST /api/v1/cases", v -> showsNothingOfA(bPostJson("/api/v1/cases", "{\"name\":\"bob-case-2\"}")));
    p.put("POST /loans", v -> showsNothingOfA(b.post("/loans", "lender", "BobLender", "amount", "500", "rate", "10%", "term", "3m")));
    p.put("POST /api/v1/loans", v -> showsNothingOfA(bPostJson("/api/v1/loans", "{\"lender\":\"BobLender2\",\"amount\":\"500\",\"rate\":\"10%\",\"term\":\"3m\"}")));
    p.put("POST /api/v1/loans/calc", v -> showsNothingOfA(bPostJson("/api/v1/loans/calc", "{\"amount\":\"500\",\"rate\":\"10%\",\"term\":\"3m\"}")));
    p.put("POST /api/v1/loans/xirr", v -> showsNothingOfA(bPostJson("/api/v1/loans/xirr", "{\"flows\":[\"2026-01-01:-100\",\"2026-12-31:110\"]}")));
    p.put("POST /account/tokens", v -> showsNothingOfA(b.post("/account/tokens", "name", "bob phone")));
    p.put("POST /account/password", v -> showsNothingOfA(b.post("/account/password", "current", "wrong", "password", "whatever long")));
    return p;
  }

  @Test
  void userBGetsNothingOfUserA() {
    Map<String, Consumer<Void>> probes = probes();
    List<String> missing = new ArrayList<>();
    for (String route : web.server.routes()) {
      Consumer<Void> probe = probes.get(route);
      if (probe == null) {
        missing.add(route);
        continue;
      }
      b.get("/"); // a fresh CSRF token of B's session
      probe.accept(null);
    }
    probes.get("GET /history?q").accept(null);
    assertThat(missing).as("routes without an authorization probe; add one to probes()").isEmpty();

    // A's data is as A left it
    Repositories repos = web.db.forOwner(aId);
    assertThat(repos.rules().list()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(aRule);
      assertThat(r.action().code()).isEqualTo("block");
      assertThat(r.priority()).isZero();
    });
    assertThat(repos.history().list(null, null)).hasSize(1);
    assertThat(repos.loans().list()).singleElement().satisfies(l -> assertThat(l.payments()).isEmpty());
    assertThat(repos.settings().load().mode().code()).isEqualTo("standard");
    assertThat(repos.contacts().list()).isEmpty();
    assertThat(web.workspaceCases(aId)).hasSize(1);
    assertThat(web.db.accounts().tokens(aId)).hasSize(1);
    // and B's writes are B's
    long bId = web.db.accounts().find("bob").orElseThrow().id();
    assertThat(web.db.forOwner(bId).rules().list()).isNotEmpty();
    assertThat(web.db.forOwner(bId).contacts().list()).hasSize(1);
  }

  @Test
  void aStolenIdInTheApiOfAnotherAccountIsNotFound() {
    HttpResponse<String> r = b.get("/api/v1/cases/" + aCase + "/report?format=pdf");
    assertThat(r.statusCode()).isEqualTo(404);
    Matcher m = Pattern.compile(A_CASE).matcher(r.body());
    assertThat(m.find()).isFalse();
  }
}
