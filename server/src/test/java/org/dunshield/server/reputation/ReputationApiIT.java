package org.dunshield.server.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.reputation.Reporter;
import org.dunshield.core.reputation.ReputationPolicy;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.reputation.offline.ReputationIndex;
import org.dunshield.core.reputation.privacy.NumberHash;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.server.DunshieldServer;
import org.dunshield.server.Json;
import org.dunshield.store.Database;
import org.dunshield.store.reputation.ReputationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reputation API on a real server over a real SQLite store. */
class ReputationApiIT {
  private static final String TOKEN = "alice-token-0123456789";
  private static final NumberParser CN = NumberParser.forRegion("CN");

  @TempDir Path data;
  private Database db;
  private ReputationStore store;
  private Reputations reputations;
  private Publisher publisher;
  private DunshieldServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    db = Database.openDirectory(data);
    store = ReputationStore.openDirectory(data);
    reputations = new Reputations(store.reputation(), ReputationPolicy.defaults(), Clock.systemUTC());
    publisher = new Publisher(reputations, data.resolve("snapshots"), Clock.systemUTC(), 20, Duration.ofDays(8));
    LiveScreening screening = new LiveScreening(db.rules(), db.contacts(), db.settings(), db.history(),
        Screener.standard(), Clock.systemUTC(), Duration.ZERO);
    server = DunshieldServer.start(new DunshieldServer.Config("127.0.0.1", 0, screening, limit -> List.of(), null,
        new ReputationApi(reputations, CN, ReporterTokens.of(TOKEN, "alice"), publisher)));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
    db.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  /** Settles {@code count} numbers 1718888xxxx with an imported (vouched) seed list. */
  private void seed(int count) {
    List<org.dunshield.core.reputation.Report> seeds = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeds.add(new org.dunshield.core.reputation.Report(CN.parse(String.format("1718888%04d", i)),
          Category.DEBT_COLLECTION, "", "seed:test", Instant.now()));
    }
    reputations.importSeeds(seeds);
    for (int r = 0; r < 2; r++) {
      store.reputation().saveReporters(List.of(new Reporter("r" + r, Instant.now().minus(Duration.ofDays(400)),
          false, 0, 0)));
    }
  }

  @Test
  void reportsNeedAReporterTokenAndLookupsShowThem() throws Exception {
    String body = "{\"number\":\"17188880001\",\"category\":\"debt_collection\",\"comment\":\"calls my mum\"}";
    assertThat(post("/api/v1/reputation/reports", body, null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/reputation/reports", body, "Bearer wrong-token-000000000").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = post("/api/v1/reputation/reports", body, "Bearer " + TOKEN);
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(json(ok).get("reporter").asText()).isEqualTo("alice");
    HttpResponse<String> again = post("/api/v1/reputation/reports", body, "Bearer " + TOKEN);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("error").asText()).contains("already reported");
    assertThat(post("/api/v1/reputation/reports", "{\"number\":\"17188880001\",\"category\":\"spam\"}",
        "Bearer " + TOKEN).body()).contains("field 'category'");
    assertThat(post("/api/v1/reputation/reports", "{\"number\":\"12\",\"category\":\"fraud\"}",
        "Bearer " + TOKEN).statusCode()).isEqualTo(400);

    for (String path : List.of("/api/v1/reputation/+8617188880001", "/api/v1/reputation/%2B8617188880001",
        "/api/v1/reputation/17188880001", "/api/v1/reputation/008617188880001")) {
      JsonNode r = json(get(path));
      assertThat(r.get("number").asText()).as(path).isEqualTo("+8617188880001");
      assertThat(r.get("category").asText()).isEqualTo("debt_collection");
      assertThat(r.get("reporters").asInt()).isEqualTo(1);
    }
  }

  @Test
  void phoneBlockClientsWorkUnchanged() throws Exception {
    seed(1);
    String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    assertThat(get("/api/num/008617188880000").statusCode()).isEqualTo(401);
    HttpResponse<String> info = get("/api/num/008617188880000", "Authorization", basic);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).startsWith("{\"phone\":\"+8617188880000\",\"votes\":1,")
        .containsPattern("\"rating\":\"(.+?)\"").contains("\"rating\":\"B_MISSED\"");

    HttpResponse<String> rated = post("/api/rate", "{\"phone\":\"+8613800138000\",\"rating\":\"G_FRAUD\","
        + "\"comment\":\"fake police\"}", "Bearer " + TOKEN);
    assertThat(rated.statusCode()).isEqualTo(200);
    assertThat(json(get("/api/v1/reputation/+8613800138000")).get("category").asText()).isEqualTo("fraud");
    assertThat(get("/api/num/+8613800138000", "Authorization", "Bearer " + TOKEN).body())
        .contains("\"rating\":\"G_FRAUD\"", "\"votes\":1");
    assertThat(post("/api/rate", "{\"phone\":\"+8613800138000\",\"rating\":\"Z_WHAT\"}", "Bearer " + TOKEN)
        .statusCode()).isEqualTo(400);
  }

  @Test
  void everyRangeAnswerCoversAtLeastTheMinimumAndContainsTheAskedNumber() throws Exception {
    seed(1_000);
    publisher.publish();
    JsonNode info = json(get("/api/v1/reputation/range"));
    int length = info.get("prefixLength").asInt();
    assertThat(length).isEqualTo(1); // 1,000 entries, minimum 20: 16 buckets of ~62, 256 of ~4
    assertThat(info.get("minimum").asInt()).isEqualTo(20);
    for (int b = 0; b < 16; b++) {
      JsonNode a = json(get("/api/v1/reputation/range/" + Integer.toHexString(b)));
      assertThat(a.get("entries").size()).isGreaterThanOrEqualTo(20);
    }
    String hash = NumberHash.hex("+8617188880123");
    JsonNode answer = json(get("/api/v1/reputation/range/" + hash.substring(0, length)));
    assertThat(answer.get("entries").findValuesAsText("hash")).contains(hash);
    assertThat(get("/api/v1/reputation/range/" + hash.substring(0, length + 1)).statusCode()).isEqualTo(400);
  }

  @Test
  void aDeviceScreensOfflineFromTheSnapshotAndDeltas() throws Exception {
    seed(3);
    HttpResponse<byte[]> snap = getBytes("/api/v1/reputation/snapshot");
    assertThat(snap.statusCode()).isEqualTo(200);
    long version = Long.parseLong(snap.headers().firstValue("X-Dunshield-Version").orElseThrow());
    ReputationIndex index = ReputationIndex.load(new ByteArrayInputStream(snap.body()), 0.6);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.lookup(CN.parse("17188880002"), Instant.now()).category()).isEqualTo(Category.DEBT_COLLECTION);

    reputations.report(CN.parse("13800138000"), Category.FRAUD, "", "r0");
    reputations.report(CN.parse("13800138000"), Category.FRAUD, "", "r1");
    publisher.publish();
    HttpResponse<byte[]> delta = getBytes("/api/v1/reputation/deltas?since=" + version);
    assertThat(delta.statusCode()).isEqualTo(200);
    index.apply(new ByteArrayInputStream(delta.body()));
    assertThat(index.lookup(CN.parse("13800138000"), Instant.now()).category()).isEqualTo(Category.FRAUD);
    assertThat(getBytes("/api/v1/reputation/deltas?since=12345").statusCode()).isEqualTo(410);
    assertThat(get("/api/v1/reputation/deltas").statusCode()).isEqualTo(400);
  }

  @Test
  void lookupsLeaveNoTraceInTheDatabaseOrTheDataDirectory() throws Exception {
    seed(40);
    publisher.publish();
    Map<String, Long> before = rowCounts();
    List<String> filesBefore = files();
    for (int i = 0; i < 30; i++) {
      get("/api/v1/reputation/+86171888800" + String.format("%02d", i));
      get("/api/v1/reputation/range/" + Integer.toHexString(i % 16));
      get("/api/num/+86171888800" + String.format("%02d", i), "Authorization", "Bearer " + TOKEN);
    }
    get("/api/v1/reputation/snapshot");
    get("/api/v1/reputation/blocks");
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(files()).isEqualTo(filesBefore);
  }

  private Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        Statement s = c.createStatement();
        ResultSet tables = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      for (String t : names) {
        try (Statement q = c.createStatement(); ResultSet n = q.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
          n.next();
          counts.put(t, n.getLong(1));
        }
      }
    }
    return counts;
  }

  private List<String> files() throws Exception {
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(p -> !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm"))
          .map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }
}
