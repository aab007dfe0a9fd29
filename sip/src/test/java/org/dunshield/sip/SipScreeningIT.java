package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.rule.RuleParser;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.settings.Settings;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service between a real SIP caller and a real PBX: sipp as UAC calls Dunshield, which screens
 * with the standard engine and the detectors on a SQLite store, and forwards to sipp as UAS.
 */
class SipScreeningIT {
  private static final String CALLEE = "13800138000";
  private static final String OWN_NUMBER = "+8613800138000";

  @TempDir Path dir;
  private Database db;
  private SipScreeningService service;
  private Process uas;
  private int sipPort;
  private int uasPort;

  @BeforeAll
  static void sippIsInstalled() {
    Sipp.requireInstalled();
  }

  @BeforeEach
  void openStore() {
    db = Database.openDirectory(dir.resolve("data"));
    db.settings().save(Settings.defaults().with(Settings.OWN_NUMBER, OWN_NUMBER));
    sipPort = Sipp.freePort();
    uasPort = Sipp.freePort();
  }

  @AfterEach
  void stop() {
    Sipp.stop(uas);
    if (service != null) {
      service.close();
    }
    db.close();
  }

  private void start(UnaryOperator<SipConfig.Builder> configure) {
    SipConfig.Builder builder = SipConfig.builder(new HostPort("127.0.0.1", sipPort), new HostPort("127.0.0.1", uasPort))
        .health(new HostPort("127.0.0.1", 0));
    service = SipScreeningService.start(configure.apply(builder).build(), db,
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), Clock.systemUTC());
  }

  private void uas(int calls, String check) {
    uas = Sipp.uas(dir, Sipp.scenario(dir, "uas-forward.xml", Map.of("CHECK", check)), uasPort, calls);
  }

  private Sipp.Result call(String scenario, Map<String, String> values, List<String> callers, String transport, int rate) {
    return Sipp.uac(dir, Sipp.scenario(dir, scenario, values), Sipp.calls(dir, callers, CALLEE), sipPort, transport,
        callers.size(), rate);
  }

  /** The history once every screened call is in it (a call is recorded right after it is answered). */
  private List<HistoryEntry> history() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (service.metrics().recorded() + service.metrics().failures() < service.metrics().screened()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
    return db.history().list(null, null);
  }

  private void block(String number) {
    Rule rule = new RuleParser(NumberParser.forRegion("CN")).parse(Action.BLOCK, MatchKind.EXACT, number,
        ChannelScope.BOTH, Rule.DEFAULT_PRIORITY, "collector", null);
    db.rules().add(rule);
  }

  @Test
  void anAllowedCallerReachesTheUasBehindTheForwardTarget() {
    start(b -> b);
    uas(1, "");

    Sipp.Result result = call("uac-allowed.xml", Map.of(), List.of("13912345678"), "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Sipp.await(uas, 10)).as("the UAS took exactly the one call").isZero();
    assertThat(history()).singleElement().satisfies(e -> {
      assertThat(e.verdict().action()).isEqualTo(Action.ALLOW);
      assertThat(e.event().number().e164()).isEqualTo("+8613912345678");
    });
    assertThat(service.metrics().decisions(Action.ALLOW)).isEqualTo(1);
  }

  @Test
  void anAllowedCallerOverTcpIsForwardedOverUdp() {
    start(b -> b);
    uas(1, "");

    Sipp.Result result = call("uac-allowed.xml", Map.of(), List.of("13912345678"), "tcp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Sipp.await(uas, 10)).isZero();
  }

  @Test
  void aBlockedCallerGets603AndNeverReachesTheUas() {
    block("13912345678");
    start(b -> b);
    uas(1, "");

    Sipp.Result result = call("uac-refused.xml", Map.of("STATUS", "603"), List.of("13912345678"), "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(uas.isAlive()).as("the UAS got no call").isTrue();
    assertThat(history()).singleElement().satisfies(e -> {
      assertThat(e.verdict().action()).isEqualTo(Action.BLOCK);
      assertThat(e.verdict().check()).isEqualTo("user-rule");
    });
  }

  @Test
  void theBlockAnswerCanBe486WithAnAnnouncement() {
    block("13912345678");
    start(b -> b.blockStatus(486).announcement("sip:blocked@127.0.0.1:5090"));
    String check = """
        <action>
          <ereg regexp="sip:blocked@127.0.0.1:5090" search_in="hdr" header="Error-Info:" check_it="true" assign_to="1"/>
          <log message="checked [$1]"/>
        </action>""";

    Sipp.Result result = call("uac-refused.xml", Map.of("STATUS", "486", "CHECK", check), List.of("13912345678"),
        "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
  }

  @Test
  void aHiddenCallerRingsByDefault() {
    start(b -> b);
    uas(1, "");

    Sipp.Result result = call("uac-allowed.xml", Map.of("HEADERS", "      Privacy: id"), List.of("13912345678"),
        "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Sipp.await(uas, 10)).isZero();
    assertThat(history()).singleElement().satisfies(e -> {
      assertThat(e.event().number()).as("the number stays hidden, even in history").isNull();
      assertThat(e.verdict().action()).isEqualTo(Action.ALLOW);
    });
  }

  @Test
  void aHiddenCallerIsBlockedWhenTheCalleeBlocksHiddenCallers() {
    db.settings().save(db.settings().load().with(Settings.BLOCK_HIDDEN, "true"));
    start(b -> b);

    Sipp.Result result = call("uac-refused.xml", Map.of("STATUS", "603",
        "HEADERS", "      P-Asserted-Identity: <sip:+8613912345678@127.0.0.1>\n      Privacy: id"),
        List.of("13912345678"), "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(history()).singleElement().satisfies(e -> assertThat(e.verdict().check()).isEqualTo("hidden-caller"));
  }

  @Test
  void aSilencedCallIsForwardedWithTheHeaderTheDeviceActsOn() {
    start(b -> b);
    uas(1, """
        <action>
          <ereg regexp="silence" search_in="hdr" header="X-Dunshield-Action:" check_it="true" assign_to="1"/>
          <log message="checked [$1]"/>
        </action>""");

    // an unknown international caller is silenced as a possible one-ring scam
    Sipp.Result result = call("uac-allowed.xml", Map.of(), List.of("+12125550100"), "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Sipp.await(uas, 10)).as("the UAS found the header").isZero();
    assertThat(history()).singleElement().satisfies(e -> assertThat(e.verdict().action()).isEqualTo(Action.SILENCE));
  }

  @Test
  void redirectModeAnswers302WithTheForwardTarget() {
    start(b -> b.allowMode(AllowMode.REDIRECT));
    String check = """
        <action>
          <ereg regexp="sip:13800138000@127.0.0.1:%d" search_in="hdr" header="Contact:" check_it="true" assign_to="1"/>
          <log message="checked [$1]"/>
        </action>""".formatted(uasPort);

    Sipp.Result result = call("uac-refused.xml", Map.of("STATUS", "302", "CHECK", check), List.of("13912345678"),
        "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
  }

  @Test
  void aBombingBurstFrom50NumbersIsCutOffAfterTheThresholdWhileAContactStillGetsThrough() {
    db.contacts().importAll(List.of(new Contact("Mum",
        List.of(NumberParser.forRegion("CN").parse("13700137000")))).iterator());
    start(b -> b);
    int threshold = DetectionSettings.defaults().callBombing().minEvents();
    uas(threshold - 1 + 1, ""); // the calls before the threshold, then Mum
    // 50 numbers from 50 different blocks, so the redial detector (per number block) stays out of it
    List<String> burst = IntStream.range(0, 50)
        .mapToObj(i -> "139" + String.format("%04d%04d", 1000 + i * 131, 7000 + i)).toList();

    Sipp.Result attack = call("uac-either.xml", Map.of(), burst, "udp", 50);
    Sipp.Result mum = call("uac-allowed.xml", Map.of(), List.of("13700137000"), "udp", 10);

    assertThat(attack.exit()).as(attack.output()).isZero();
    assertThat(mum.exit()).as(mum.output() + history().stream().map(e -> e.verdict().action() + "/" + e.verdict().check()).toList()).isZero();
    assertThat(Sipp.await(uas, 10)).as("the UAS got the calls before the threshold and Mum's, no more").isZero();
    List<HistoryEntry> calls = history();
    assertThat(calls).hasSize(51);
    List<Action> actions = new ArrayList<>(calls.stream().map(e -> e.verdict().action()).toList());
    assertThat(actions.subList(0, threshold - 1)).containsOnly(Action.ALLOW);
    assertThat(calls.subList(threshold - 1, 50)).allSatisfy(e -> {
      assertThat(e.verdict().action()).isEqualTo(Action.BLOCK);
      assertThat(e.verdict().check()).isEqualTo("call-bombing");
    });
    assertThat(actions.get(50)).as("Mum, during the attack").isEqualTo(Action.ALLOW);
  }

  @Test
  void whileTheStoreCannotBeWrittenTheServiceShedsWith503AndWritesEveryAnsweredCallAfter() throws Exception {
    db.rules().add(new RuleParser(NumberParser.forRegion("CN")).parse(Action.BLOCK, MatchKind.PREFIX, "139",
        ChannelScope.BOTH, Rule.DEFAULT_PRIORITY, "collector", null));
    start(b -> b);
    int calls = 600;
    // distinct callers: two calls of one number within a millisecond would be one event in the history
    List<String> callers = IntStream.range(0, calls).mapToObj(i -> "139" + String.format("%08d", 10_000_000 + i)).toList();
    // one account's calls: the first waits for the store, the next for the first, the rest queue
    long accepted = 2 + ScreeningProxy.QUEUE / ScreeningProxy.LANES;
    Sipp.Result result;
    try (Connection importer = DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve("data").resolve(Database.FILE_NAME)); Statement sql = importer.createStatement()) {
      sql.execute("BEGIN IMMEDIATE"); // another process holds the write lock, as a long import does
      CompletableFuture<Sipp.Result> run = CompletableFuture.supplyAsync(() -> Sipp.uac(dir,
          Sipp.scenario(dir, "uac-refused-or-shed.xml", Map.of()),
          Sipp.calls(dir, callers, CALLEE), sipPort, "udp", calls, 300));
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (service.metrics().overloadedCalls() < calls - accepted && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(service.metrics().overloadedCalls()).as("INVITEs answered 503").isEqualTo(calls - accepted);
      assertThat(service.metrics().recorded()).as("nothing written while the store is locked").isZero();
      sql.execute("COMMIT");
      result = run.get(30, TimeUnit.SECONDS);
    }

    assertThat(result.exit()).as("every INVITE got 603 or 503: " + result.output()).isZero();
    Matcher invites = Pattern.compile("INVITE -+>\\s+(\\d+)\\s+(\\d+)").matcher(result.output());
    assertThat(invites.find()).as(result.output()).isTrue();
    assertThat(invites.group(2)).as("INVITEs retransmitted: the calls that waited seconds got 100 Trying within"
        + " 200 ms from their transaction, before the callers' first retransmission").isEqualTo("0");
    List<HistoryEntry> written = history();
    assertThat(service.metrics().screened()).isEqualTo(accepted);
    assertThat(written.size()).as("every call that was not shed is in the history").isEqualTo(accepted);
    assertThat(written.stream().map(e -> e.verdict().action()).distinct().toList()).containsExactly(Action.BLOCK);
  }

  @Test
  void eachCalleeIsScreenedWithTheRulesOfTheAccountWhoseOwnNumberItIs() {
    db.forOwner(2).settings().save(Settings.defaults().with(Settings.OWN_NUMBER, "13900139000"));
    db.forOwner(2).rules().add(new RuleParser(NumberParser.forRegion("CN")).parse(Action.BLOCK, MatchKind.EXACT,
        "13912345678", ChannelScope.BOTH, Rule.DEFAULT_PRIORITY, "collector", null));
    start(b -> b);
    uas(1, "");

    Sipp.Result toOwner2 = Sipp.uac(dir, Sipp.scenario(dir, "uac-refused.xml", Map.of("STATUS", "603")),
        Sipp.calls(dir, List.of("13912345678"), "+8613900139000"), sipPort, "udp", 1, 10);
    Sipp.Result toLocal = call("uac-allowed.xml", Map.of(), List.of("13912345678"), "udp", 10);

    assertThat(toOwner2.exit()).as(toOwner2.output()).isZero();
    assertThat(toLocal.exit()).as("the local user has no such rule: " + toLocal.output()).isZero();
    assertThat(history()).singleElement()
        .satisfies(e -> assertThat(e.verdict().action()).isEqualTo(Action.ALLOW)); // waits for both records
    assertThat(db.forOwner(2).history().list(null, null)).singleElement()
        .satisfies(e -> assertThat(e.verdict().action()).isEqualTo(Action.BLOCK));
    assertThat(history()).singleElement().satisfies(e -> assertThat(e.verdict().action()).isEqualTo(Action.ALLOW));
  }

  @Test
  void aCalleeNoAccountClaimsGets404WhenUnknownCalleesAreRejected() {
    start(b -> b.unknownCallee(UnknownCallee.REJECT));

    Sipp.Result result = Sipp.uac(dir, Sipp.scenario(dir, "uac-refused.xml", Map.of("STATUS", "404")),
        Sipp.calls(dir, List.of("13912345678"), "13700000000"), sipPort, "udp", 1, 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(history()).isEmpty();
    assertThat(service.metrics().unmappedCallees()).isEqualTo(1);
  }

  @Test
  void aCallerWhoHangsUpWhileItRingsCancelsTheCallAtTheUas() {
    start(b -> b);
    uas = Sipp.uas(dir, Sipp.scenario(dir, "uas-cancel.xml", Map.of()), uasPort, 1);

    Sipp.Result result = call("uac-cancel.xml", Map.of(), List.of("13912345678"), "udp", 10);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Sipp.await(uas, 10)).as("the UAS got the CANCEL and was acknowledged").isZero();
    assertThat(history()).singleElement().satisfies(e -> assertThat(e.verdict().action()).isEqualTo(Action.ALLOW));
  }

  @Test
  void theHealthEndpointAndMetricsReportTheDecisions() throws Exception {
    block("13912345678");
    start(b -> b);
    call("uac-refused.xml", Map.of("STATUS", "603"), List.of("13912345678"), "udp", 10);

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + service.health().orElseThrow().port();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"up\"", "\"screened\":1");
    assertThat(metrics.body()).contains("dunshield_sip_calls_screened_total 1",
        "dunshield_sip_decisions_total{action=\"block\"} 1", "dunshield_sip_decision_seconds_count 1");
  }
}
