package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dunshield.server.Json;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screening API as devices call it (the fast path in front of Javalin, and what it hands to
 * Javalin): answers, errors, refusals, admission and "answered means stored", over a real server and
 * SQLite store.
 */
class ScreeningApiTest {
  @TempDir Path dir;
  private WebFixture web;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int stored() {
    return web.db.forOwner(Database.LOCAL_OWNER).history().list(null, null).size();
  }

  @Test
  void aCallAndAnSmsAreAnsweredInTheAskedLanguageAndStored() throws Exception {
    web = WebFixture.singleUser(dir);
    HttpResponse<String> call = post("/api/v1/screen/call?lang=zh", "{\"number\":\"171 8888 0001\","
        + "\"at\":\"2026-10-14T10:00:00+08:00\",\"presentation\":\"allowed\"}");
    HttpResponse<String> sms = post("/api/v1/screen/sms", "{\"sender\":\"10690000\",\"text\":\"<b>hi</b>\"}",
        "Accept-Language", "en-GB");

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(call.headers().firstValue("Server-Timing")).hasValueSatisfying(t -> assertThat(t).matches("screen;dur=\\d+\\.\\d\\d"));
    JsonNode v = Json.mapper().readTree(call.body());
    assertThat(v.get("number").asText()).isEqualTo("+8617188880001");
    assertThat(v.get("reason").asText()).containsPattern("\\p{IsHan}");
    assertThat(sms.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(sms.body()).get("reason").asText()).doesNotContainPattern("\\p{IsHan}");
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void badRequestsNameTheProblemAndStoreNothing() throws Exception {
    web = WebFixture.singleUser(dir);
    HttpResponse<String> malformed = post("/api/v1/screen/call", "{\"number\":\n\"138");
    HttpResponse<String> notAString = post("/api/v1/screen/call", "{\"number\":13800138000}");
    HttpResponse<String> notANumber = post("/api/v1/screen/call", "{\"number\":\"call me\"}");
    HttpResponse<String> noSender = post("/api/v1/screen/sms", "{\"text\":\"x\"}");
    HttpResponse<String> badTime = post("/api/v1/screen/sms", "{\"sender\":\"10690000\",\"at\":\"yesterday\"}");
    HttpResponse<String> array = post("/api/v1/screen/call", "[]");
    HttpResponse<String> tooLarge = post("/api/v1/screen/sms",
        "{\"sender\":\"10690000\",\"text\":\"" + "x".repeat(1_000_001) + "\"}");

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed JSON at line 2");
    assertThat(notAString.statusCode()).isEqualTo(400);
    assertThat(notAString.body()).contains("field 'number' must be a string");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(noSender.statusCode()).isEqualTo(400);
    assertThat(noSender.body()).contains("field 'sender' is required");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(badTime.body()).contains("field 'at'");
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(array.body()).contains("must be a JSON object");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("larger than 1000000 bytes");
    assertThat(stored()).isZero();
  }

  @Test
  void requestsTheHeadersCannotAuthoriseGoThroughTheGuard() throws Exception {
    web = WebFixture.singleUser(dir);
    HttpResponse<String> crossSite = post("/api/v1/screen/call", "{\"number\":\"13800138000\"}",
        "Origin", "https://evil.example");
    HttpResponse<String> wrongCsrf = post("/api/v1/screen/call", "{\"number\":\"13800138000\"}",
        "X-CSRF-Token", "not-the-cookie");
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/screen/call")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(wrongCsrf.statusCode()).isEqualTo(403);
    assertThat(wrongCsrf.body()).contains("CSRF");
    assertThat(get.statusCode()).isIn(404, 405);
    assertThat(stored()).isZero();
  }

  @Test
  void withAccountsOnlyAValidTokenIsServedWithoutSignIn() throws Exception {
    web = WebFixture.accounts(dir, true);
    HttpResponse<String> none = post("/api/v1/screen/call", "{\"number\":\"13800138000\"}");
    HttpResponse<String> forged = post("/api/v1/screen/call", "{\"number\":\"13800138000\"}",
        "Authorization", "Bearer dsk_forged");
    HttpResponse<String> sameSite = post("/api/v1/screen/call", "{\"number\":\"13800138000\"}",
        "Origin", web.base());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(sameSite.statusCode()).as("no single-user shortcut with accounts").isEqualTo(401);
    assertThat(web.db.history().list(null, null)).isEmpty();
  }

  /**
   * While another connection holds SQLite's write lock, an admitted request is not answered (its
   * event is not stored yet) and, with its one permit taken, the next is refused at once with 503;
   * once the lock goes, the first is answered and stored.
   */
  @Test
  void anAnswerWaitsForTheCommitAndRequestsBeyondThePermitsAreRefused() throws Exception {
    web = WebFixture.start(dir, false, false, 1024 * 1024, 1);
    assertThat(post("/api/v1/screen/call", "{\"number\":\"13800138000\"}").statusCode()).isEqualTo(200);
    try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
        Statement s = lock.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      CompletableFuture<HttpResponse<String>> first = http.sendAsync(
          HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/screen/call"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"13800138001\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(1_000); // the first takes the permit and waits for the lock
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/screen/call"))
          .timeout(java.time.Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"13800138002\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as("a request beyond the one permit").isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).contains("overloaded");
      assertThat(first).as("not answered before its event is committed").isNotDone();
      s.execute("ROLLBACK");
      assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(stored()).isEqualTo(2);
  }
}
