package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loan desk, cases and reputation pages, through their forms, in single-user mode. */
class DeskPagesTest {
  @TempDir Path dir;
  private WebFixture web;
  private HttpSession browser;

  @BeforeEach
  void start() {
    web = WebFixture.singleUser(dir);
    browser = new HttpSession(web.base());
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void aLoanShowsItsScheduleTrueCostAndCapAndTakesPaymentsAndWritesADeferralLetter() {
    browser.get("/loans");
    HttpResponse<String> added = browser.post("/loans", "lender", "Quick<b>Cash</b>", "lenderKind", "microloan",
        "amount", "10000", "received", "9000", "rate", "24%", "term", "12m", "method", "equal-instalment");
    assertThat(added.statusCode()).isEqualTo(303);
    String location = added.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/loans/1?msg=loan_added");
    String page = browser.get("/loans/1").body();
    assertThat(page).contains("id=\"schedule\"").contains("exceeds the legal limit").contains("Quick&lt;b&gt;Cash&lt;/b&gt;");
    assertThat(page.split("<tr>").length).isGreaterThan(12);
    assertThat(browser.post("/loans/1/payments", "amount", "500").statusCode()).isEqualTo(303);
    assertThat(web.db.loans().find(1).orElseThrow().payments()).hasSize(1);
    assertThat(browser.post("/loans/1/payments", "amount", "-5").statusCode()).isEqualTo(400);
    HttpResponse<byte[]> letter = browser.getBytes("/loans/1/deferral.pdf?budget=300");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(new String(letter.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(browser.get("/loans").body()).contains("/loans/1");
    assertThat(browser.get("/loans/99").statusCode()).isEqualTo(404);
    assertThat(browser.post("/loans", "lender", "x", "amount", "lots", "rate", "1%", "term", "1m").body())
        .contains("amount");
  }

  @Test
  void aCaseListsMissingComplaintFactsByNameAndDraftsWhenTheyAreGiven() {
    browser.json("POST", "/api/v1/screen/sms", "{\"sender\":\"17012345678\",\"text\":\"还钱！\"}");
    browser.get("/cases");
    HttpResponse<String> created = browser.post("/cases", "name", "collector", "numbers", "17012345678");
    assertThat(created.statusCode()).isEqualTo(303);
    String path = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
    assertThat(browser.get(path).body()).contains("collector").contains("+8617012345678");
    HttpResponse<String> missing = browser.get(path + "/complaint?channel=12378&format=text");
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(missing.body()).contains("id=\"missing\"").contains("your name");
    HttpResponse<String> draft = browser.get(path + "/complaint?channel=12378&format=text&name=Ada&own-number=13800138000"
        + "&carrier=China%20Mobile&region=Shenzhen&id-number=110101199001011234&institution=X&contract-id=1");
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    assertThat(draft.body()).contains("+8617012345678");
    assertThat(browser.getBytes(path.replace("/cases/", "/api/v1/cases/") + "/report?format=pdf").statusCode()).isEqualTo(200);
    assertThat(browser.get("/cases/12345").statusCode()).isEqualTo(404);
  }

  @Test
  void aNumberCanBeReportedAndLookedUp() {
    browser.get("/reputation");
    assertThat(browser.post("/reputation", "number", "17012345678", "category", "debt_collection", "comment", "<i>x</i>")
        .statusCode()).isEqualTo(303);
    String page = browser.get("/reputation?number=17012345678").body();
    assertThat(page).contains("id=\"result\"").contains("+8617012345678").contains("debt_collection");
    assertThat(browser.get("/reputation?number=not-a-number").statusCode()).isEqualTo(400);
  }

  @Test
  void rulesShowConflictsInlineAndSettingsAreChecked() {
    browser.get("/rules");
    browser.post("/rules", "action", "block", "kind", "prefix", "pattern", "170", "priority", "5");
    browser.post("/rules", "action", "allow", "kind", "exact", "pattern", "17012345678", "priority", "1");
    String page = browser.get("/rules").body();
    assertThat(page).contains("class=\"conflict\"").contains("higher priority");
    assertThat(browser.post("/rules", "action", "block", "kind", "regex", "pattern", "(", "priority", "1").statusCode())
        .isEqualTo(400);
    assertThat(browser.post("/rules", "action", "block", "kind", "exact", "pattern", "1", "when", "Funday 25:00-26:00")
        .statusCode()).isEqualTo(400);
    assertThat(browser.post("/settings", "mode", "strangers", "timezone", "Mars/Olympus").statusCode()).isEqualTo(400);
    assertThat(browser.post("/settings", "mode", "strangers", "timezone", "Asia/Shanghai", "block-hidden", "on")
        .statusCode()).isEqualTo(303);
    assertThat(web.db.settings().load().mode().code()).isEqualTo("strangers");
    assertThat(web.db.settings().load().blockHidden()).isTrue();
    long id = web.db.rules().list().get(0).id();
    assertThat(browser.post("/rules/" + id + "/move", "direction", "up").statusCode()).isEqualTo(303);
    assertThat(web.db.rules().list()).extracting(r -> r.priority()).contains(6);
  }
}
