package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.NumberParser;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages in single-user mode over a real server and store: every page renders, in both languages, safely. */
class WebPagesTest {
  private static final String SCRIPT = "<script>alert('x')</script>";

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
  void everyPageRendersWithoutSignInInSingleUserMode() {
    for (String path : new String[] {"/", "/history", "/rules", "/imports", "/reputation", "/cases", "/loans"}) {
      HttpResponse<String> r = browser.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("<nav class=\"top\">").doesNotContain("??");
    }
  }

  @Test
  void languageFollowsTheBrowserAndTheSwitchSticks() throws Exception {
    var zh = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(web.base() + "/history")).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(zh.body()).contains("lang=\"zh-CN\"").contains("记录");
    assertThat(browser.get("/history").body()).contains("lang=\"en\"").contains("History");
    assertThat(browser.get("/history?lang=zh").body()).contains("记录");
    assertThat(browser.get("/rules").body()).as("the choice is remembered").contains("规则与设置").doesNotContain("??");
  }

  @Test
  void smsBodiesAndContactNamesRenderAsText() {
    var history = web.db.forOwner(Database.LOCAL_OWNER).history();
    var numbers = NumberParser.forRegion("CN");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    history.append(new SmsEvent(now, numbers.parse("17012345678"), "17012345678", Direction.INCOMING,
        "pay now " + SCRIPT + "<img src=x onerror=alert(1)>"), null, "test");
    history.append(new CallEvent(now.minusSeconds(5), numbers.parse("13800138000"), "13800138000",
        Presentation.ALLOWED, CallType.ANSWERED, java.time.Duration.ofSeconds(3), "\"><svg onload=alert(2)>"), null, "test");
    String page = browser.get("/history").body();
    assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("<svg onload")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("&quot;&gt;&lt;svg onload=alert(2)&gt;");
    assertThat(browser.get("/?lang=en").body()).doesNotContain(SCRIPT);
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
    browser.get("/rules");
    String token = browser.csrf;
    browser.csrf = null;
    HttpResponse<String> r = browser.post("/rules", "action", "block", "kind", "exact", "pattern", "17012345678");
    assertThat(r.statusCode()).isEqualTo(403);
    browser.csrf = "wrong" + token.substring(5);
    assertThat(browser.post("/rules", "action", "block", "kind", "exact", "pattern", "17012345678").statusCode())
        .isEqualTo(403);
    assertThat(web.db.rules().list()).isEmpty();
    browser.csrf = token;
    assertThat(browser.post("/rules", "action", "block", "kind", "exact", "pattern", "17012345678").statusCode())
        .isEqualTo(303);
    assertThat(web.db.rules().list()).hasSize(1);
  }

  @Test
  void crossSiteApiPostsAreRefusedButLocalProgramsAreNot() {
    HttpResponse<String> cross = browser.json("POST", "/api/v1/screen/call", "{\"number\":\"17012345678\"}",
        "Origin", "http://evil.example");
    assertThat(cross.statusCode()).isEqualTo(403);
    assertThat(browser.json("POST", "/api/v1/screen/call", "{\"number\":\"17012345678\"}").statusCode()).isEqualTo(200);
    assertThat(web.db.history().list(null, null)).hasSize(1);
  }

  @Test
  void sqlLookingInputIsInert() {
    browser.get("/rules");
    HttpResponse<String> r = browser.get("/history?q=%27%20OR%201%3D1%20--&number=%2B86%27%3B%20DROP%20TABLE%20history%3B--");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(browser.get("/history?q=%27%20OR%201%3D1%3B%20DROP%20TABLE%20rules%3B%20--").statusCode()).isEqualTo(200);
    browser.post("/rules", "action", "block", "kind", "exact", "pattern", "17012345678",
        "label", "x'); DROP TABLE rules; --");
    assertThat(web.db.rules().list()).singleElement().extracting(rule -> rule.label())
        .isEqualTo("x'); DROP TABLE rules; --");
    assertThat(browser.get("/rules").body()).contains("x&#39;); DROP TABLE rules; --");
  }

  @Test
  void anImportShowsWhatCameInAndOversizedUploadsAreRefusedWithTheLimit() throws Exception {
    browser.get("/imports");
    byte[] calls = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/org/dunshield/server/web/calls.xml"));
    HttpResponse<String> r = browser.upload("/imports", "calls.xml", calls);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"imported\">13<").contains("SMS Backup &amp; Restore calls backup");
    assertThat(browser.upload("/imports", "calls.xml", calls).body()).as("a second import adds nothing")
        .contains("id=\"imported\">0<");
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> refused = browser.upload("/imports", "big.xml", big);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than the limit of 1 MB");
    HttpResponse<String> bad = browser.upload("/imports", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("notes.txt");
  }

  @Test
  void oneClickAllowAddsARuleThatWinsOverTheBlock() {
    browser.get("/rules");
    browser.post("/rules", "action", "block", "kind", "prefix", "pattern", "170");
    browser.json("POST", "/api/v1/screen/call", "{\"number\":\"17012345678\"}");
    String page = browser.get("/history").body();
    assertThat(page).contains("data-action=\"block\"");
    HttpResponse<String> r = browser.post("/history/allow", "number", "+8617012345678");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(browser.json("POST", "/api/v1/screen/call", "{\"number\":\"17012345678\"}").body())
        .contains("\"action\":\"allow\"");
    assertThat(browser.post("/history/block", "number", "+8617099998888", "scope", "prefix").statusCode()).isEqualTo(303);
    assertThat(web.db.rules().list()).extracting(rule -> rule.pattern()).contains("+861709999");
  }

  @Test
  void theDashboardCountsAndChartsTheHistory() {
    for (int i = 0; i < 3; i++) {
      browser.json("POST", "/api/v1/screen/sms", "{\"sender\":\"10086\",\"text\":\"balance " + i + "\"}");
    }
    String page = browser.get("/").body();
    assertThat(page).contains("<svg class=\"chart\"").contains("class=\"bar-allow\"");
  }

  @Test
  void singleUserModeRefusesToListenBeyondLoopback() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebFixture.startOn(dir.resolve("other"), "0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without accounts");
  }
}
