package org.dunshield.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.report.ConductFindings;
import org.dunshield.core.screen.LiveScreening;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.settings.Settings;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.server.DunshieldServer;
import org.dunshield.server.Json;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/cases} and {@code /api/v1/evidence} on a real server on a free port over a real
 * SQLite store into which the shared sample backups (calls.xml, sms.xml) were imported: a case
 * created through the API, its PDF report with the Chinese SMS text extractable, the other formats,
 * a complaint per channel, missing facts, unknown cases and bad input.
 */
class EvidenceApiTest {
  private static final String DEMAND = "李先生，你在【快钱花】的欠款已逾期20天，今天必须处理，否则联系你的家人。";
  private static final String ALL_FACTS = "name=" + enc("李明") + "&id-number=110101199001011234"
      + "&carrier=" + enc("中国移动") + "&region=" + enc("北京") + "&institution=" + enc("快钱花")
      + "&contract-id=KQH-2026-001&carrier-reply=" + enc("已登记，无进一步处理") + "&rule-broken=cn-nifa-2024";

  @TempDir Path data;
  private Database db;
  private DunshieldServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeEach
  void start() {
    db = Database.openDirectory(data);
    Settings settings = db.settings().load();
    for (String sample : List.of("calls.xml", "sms.xml")) {
      Path file = samples().resolve(sample);
      ReadOptions options = ReadOptions.defaults().withNumbers(NumberParser.forRegion(settings.region()))
          .withZone(settings.timezone());
      try (RecordReader<Event> reader = ImportFile.detect(file).events(options)) {
        db.history().importAll(reader, sample);
      }
    }
    Clock clock = Clock.systemUTC();
    LiveScreening screening = new LiveScreening(db.rules(), db.contacts(), db.settings(), db.history(),
        Screener.standard(), clock, Duration.ZERO);
    CaseDesk desk = new CaseDesk(db, data.resolve("attachments"), clock, ConductFindings.NONE);
    server = DunshieldServer.start(new DunshieldServer.Config("127.0.0.1", 0, screening, limit -> List.of(),
        null, null, new EvidenceApi(desk)));
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
  }

  /** shared/samples, found by walking up from the working directory. */
  private static Path samples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("samples");
      if (Files.isRegularFile(candidate.resolve("sms.xml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return mapper.readTree(r.body());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static String type(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  private void assertError(HttpResponse<byte[]> r, int status, String mentions) throws Exception {
    assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
    assertThat(type(r)).startsWith("application/json");
    assertThat(json(r).get("error").asText()).contains(mentions);
  }

  private long createCase() throws Exception {
    HttpResponse<byte[]> r = post("/api/v1/cases", "{\"name\":\"快钱花\",\"numbers\":[\"17188880001\"]}");
    assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
    JsonNode c = json(r);
    assertThat(c.get("name").asText()).isEqualTo("快钱花");
    assertThat(c.get("numbers").get(0).asText()).isEqualTo("+8617188880001");
    assertThat(c.get("from").isNull()).isTrue();
    return c.get("id").asLong();
  }

  @Test
  void createdCaseIsListedAndItsPdfReportHoldsTheChineseSmsExactly() throws Exception {
    long id = createCase();
    JsonNode list = json(get("/api/v1/cases"));
    assertThat(list.get("cases")).hasSize(1);
    assertThat(list.get("cases").get(0).get("id").asLong()).isEqualTo(id);

    HttpResponse<byte[]> pdf = get("/api/v1/cases/" + id + "/report?format=pdf&lang=zh");
    assertThat(pdf.statusCode()).as(text(pdf)).isEqualTo(200);
    assertThat(type(pdf)).isEqualTo("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String extracted = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
      assertThat(extracted).contains(DEMAND);
    }

    // the same case by name, in the other formats
    String byName = "/api/v1/cases/" + enc("快钱花").replace("+", "%20") + "/report?lang=en&format=";
    HttpResponse<byte[]> html = get(byName + "html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(type(html)).startsWith("text/html");
    assertThat(text(html)).contains(DEMAND);
    HttpResponse<byte[]> csv = get(byName + "csv");
    assertThat(type(csv)).startsWith("text/csv");
    assertThat(text(csv)).startsWith("id,at,kind,direction,number").contains(DEMAND);
    HttpResponse<byte[]> report = get(byName + "json");
    assertThat(type(report)).startsWith("application/json");
    assertThat(text(report)).contains(DEMAND);
    mapper.readTree(report.body()); // one valid JSON document
  }

  @Test
  void everyChannelGivesADraftWhenItsFactsAreGiven() throws Exception {
    db.settings().save(db.settings().load().with(Settings.OWN_NUMBER, "13800138000"));
    long id = createCase();
    for (String channel : List.of("police", "carrier", "12321", "12300", "12378", "lender")) {
      HttpResponse<byte[]> r = get("/api/v1/cases/" + id + "/complaints/" + channel + "?lang=zh&" + ALL_FACTS);
      assertThat(r.statusCode()).as(channel + ": " + text(r)).isEqualTo(200);
      assertThat(type(r)).startsWith("text/plain");
      assertThat(text(r)).as(channel).contains("+8617188880001").contains(DEMAND);
    }
    HttpResponse<byte[]> pdf = get("/api/v1/cases/" + id + "/complaints/12378?format=pdf&lang=zh&" + ALL_FACTS);
    assertThat(pdf.statusCode()).as(text(pdf)).isEqualTo(200);
    assertThat(type(pdf)).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "")).contains("快钱花");
    }
  }

  @Test
  void missingFactsAreAllListed() throws Exception {
    long id = createCase();
    HttpResponse<byte[]> r = get("/api/v1/cases/" + id + "/complaints/12300?lang=en&name=" + enc("李明"));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(422);
    JsonNode body = json(r);
    assertThat(body.get("error").asText()).contains("12300");
    List<String> missing = new ArrayList<>();
    body.get("missing").forEach(n -> missing.add(n.asText()));
    assertThat(missing).containsExactlyInAnyOrder("id-number", "own-number", "carrier", "region", "carrier-reply");

    JsonNode lender = json(get("/api/v1/cases/" + id + "/complaints/lender"));
    List<String> lenderMissing = new ArrayList<>();
    lender.get("missing").forEach(n -> lenderMissing.add(n.asText()));
    assertThat(lenderMissing).contains("institution", "contract-id");
  }

  @Test
  void unknownCasesAre404AndBadInput400NamingTheField() throws Exception {
    long id = createCase();
    assertError(get("/api/v1/cases/999/report?format=pdf"), 404, "no case '999'");
    assertError(get("/api/v1/cases/nobody/complaints/police"), 404, "no case 'nobody'");
    assertError(get("/api/v1/cases/" + id + "/report?format=docx"), 400, "parameter 'format'");
    assertError(get("/api/v1/cases/" + id + "/report"), 400, "parameter 'format'");
    assertError(get("/api/v1/cases/" + id + "/report?format=pdf&lang=fr"), 400, "parameter 'lang'");
    assertError(get("/api/v1/cases/" + id + "/complaints/fax"), 400, "parameter 'channel'");
    assertError(get("/api/v1/cases/" + id + "/complaints/police?format=doc"), 400, "parameter 'format'");
    assertError(get("/api/v1/cases/" + id + "/complaints/police?shoe-size=42"), 400, "unknown fact 'shoe-size'");
    assertError(get("/api/v1/cases/" + id + "/complaints/police?events=3"), 400, "fact 'events'");
    assertError(post("/api/v1/cases", "{\"numbers\":[]}"), 400, "field 'name'");
    assertError(post("/api/v1/cases", "{\"name\":\"x\",\"numbers\":[\"abc\"]}"), 400, "field 'numbers[0]'");
    assertError(post("/api/v1/cases", "{\"name\":\"x\",\"numbers\":\"171\"}"), 400, "field 'numbers'");
    assertError(post("/api/v1/cases", "{\"name\":\"x\",\"from\":\"2026-13-01\"}"), 400, "field 'from'");
    assertError(post("/api/v1/cases", "{\"name\":\"x\",\"colour\":\"red\"}"), 400, "unknown field 'colour'");
    assertError(post("/api/v1/cases", "{\"name\":"), 400, "malformed JSON");
    assertError(post("/api/v1/cases", "{\"name\":\"快钱花\"}"), 400, "field 'name'");
    assertThat(json(get("/api/v1/cases")).get("cases")).hasSize(1);
  }

  @Test
  void caseWithPeriodKeepsItsDaysInTheUsersZone() throws Exception {
    HttpResponse<byte[]> r = post("/api/v1/cases",
        "{\"name\":\"october\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}");
    assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
    JsonNode c = json(r);
    assertThat(c.get("numbers")).isEmpty();
    assertThat(c.get("from").asText()).startsWith("2026-10-01T00:00");
    assertThat(c.get("to").asText()).startsWith("2026-11-01T00:00");
  }

  @Test
  void verifyAnswersWhatEvidenceVerifyJsonPrints() throws Exception {
    HttpResponse<byte[]> r = get("/api/v1/evidence/verify");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode v = json(r);
    assertThat(v.get("ok").asBoolean()).isTrue();
    assertThat(v.get("intact").asBoolean()).isTrue();
    assertThat(v.get("links").asLong()).isEqualTo(19); // 13 calls + 6 SMS, chained on import
    assertThat(v.get("brokenAt").isNull()).isTrue();
    assertThat(v).isEqualTo(mapper.readTree(Json.compact(EvidenceJson.verification(
        new CaseDesk(db, data.resolve("attachments"), Clock.systemUTC(), ConductFindings.NONE).verify()))));
  }
}
