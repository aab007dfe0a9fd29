package org.dunshield.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free port over a real SQLite store. */
class DunshieldServerTest {
  @TempDir Path data;
  private Database db;
  private DunshieldServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    db = Database.openDirectory(data);
    db.rules().add(new RuleParser(NumberParser.forRegion("CN"))
        .parse(Action.BLOCK, MatchKind.PREFIX, "171", ChannelScope.BOTH, 0, "debt_collection", null));
    LiveScreening screening = new LiveScreening(db.rules(), db.contacts(), db.settings(), db.history(),
        Screener.standard(), Clock.systemUTC(), Duration.ZERO);
    server = DunshieldServer.start(new DunshieldServer.Config("127.0.0.1", 0, screening, limit -> {
      List<HistoryEntry> all = new ArrayList<>(db.history().list(null, null));
      Collections.reverse(all);
      return all.subList(0, Math.min(limit, all.size()));
    }));
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAnswersOk() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ok\"");
  }

  @Test
  void aCallIsScreenedRecordedAndExplained() throws Exception {
    HttpResponse<String> r = post("/api/v1/screen/call",
        "{\"number\":\"171 8888 0001\",\"at\":\"2026-10-14T10:00:00+08:00\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode v = Json.mapper().readTree(r.body());
    assertThat(v.get("action").asText()).isEqualTo("block");
    assertThat(v.get("check").asText()).isEqualTo("user-rule");
    assertThat(v.get("category").asText()).isEqualTo("debt_collection");
    assertThat(v.get("number").asText()).isEqualTo("+8617188880001");
    assertThat(db.history().list(null, null)).hasSize(1);
    assertThat(r.headers().firstValue("Server-Timing")).hasValueSatisfying(
        t -> assertThat(t).matches("screen;dur=\\d+\\.\\d\\d"));
  }

  @Test
  void anSmsAnswersAVerdictAndAHiddenCallerHasNoNumber() throws Exception {
    JsonNode sms = Json.mapper().readTree(post("/api/v1/screen/sms",
        "{\"sender\":\"1069000111\",\"text\":\"验证码 123456\"}").body());
    assertThat(sms.get("action").asText()).isEqualTo("allow");
    JsonNode hidden = Json.mapper().readTree(post("/api/v1/screen/call", "{\"presentation\":\"restricted\"}").body());
    assertThat(hidden.get("number").isNull()).isTrue();
  }

  @Test
  void badRequestsAnswer400NamingTheProblem() throws Exception {
    HttpResponse<String> malformed = post("/api/v1/screen/call", "{\"number\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed JSON");
    assertThat(post("/api/v1/screen/call", "{\"number\":\"not-a-number\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/screen/call", "{\"number\":13800138000}").body()).contains("field 'number' must be a string");
    assertThat(post("/api/v1/screen/call", "{\"number\":\"13800138000\",\"at\":\"noon\"}").body()).contains("field 'at'");
    assertThat(post("/api/v1/screen/call", "{\"presentation\":\"sideways\"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/screen/sms", "{\"text\":\"hi\"}").body()).contains("'sender' is required");
    assertThat(post("/api/v1/screen/sms", "[1,2]").statusCode()).isEqualTo(400);
    assertThat(db.history().list(null, null)).isEmpty();
  }

  @Test
  void thePageEscapesAttackerControlledText() throws Exception {
    post("/api/v1/screen/sms", "{\"sender\":\"13800138000\",\"text\":\"<script>alert(1)</script>\"}");
    post("/api/v1/screen/call", "{\"number\":\"17188880001\"}");
    HttpResponse<String> page = get("/?lang=zh");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("+8617188880001").contains("拦截");
  }
}
