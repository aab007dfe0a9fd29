package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reputation commands round-trip on the embedded SQLite store and feed screening. */
class ReputationCommandTest {
  @TempDir Path data;
  @TempDir Path files;

  private Cli cli() {
    return new Cli(data);
  }

  private Path file(String name, String text) throws IOException {
    Path f = files.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aReportShowsUpInTheLookupWithTheContractKeys() {
    Cli cli = cli();
    assertThat(cli.run("reputation", "report", "17188880001", "--category", "debt_collection", "--as",
        "sample-reporter").exit()).isZero();
    JsonNode r = cli.json("reputation", "lookup", "17188880001", "--json");
    assertThat(r.get("number").asText()).isEqualTo("+8617188880001");
    assertThat(r.get("category").asText()).isEqualTo("debt_collection");
    assertThat(r.get("reporters").asInt()).isEqualTo(1);
    assertThat(r.get("score").asDouble()).isBetween(0.0, 0.6);
    assertThat(r.get("settled").asBoolean()).as("one newcomer settles nothing").isFalse();
    assertThat(r.get("reason").get("en").asText()).isEqualTo("debt collection — 1 report");
  }

  @Test
  void theLocalUsersReportSettlesAndScreeningBlocksWithTheReason() {
    Cli cli = cli();
    JsonNode report = cli.json("reputation", "report", "171 8888 0001", "--category", "debt_collection",
        "--comment", "calls my parents at night", "--json");
    assertThat(report.get("outcome").asText()).isEqualTo("accepted");
    assertThat(report.get("reputation").get("settled").asBoolean()).isTrue();
    JsonNode v = cli.json("screen", "call", "17188880001", "--at", "2026-10-14T10:00:00+08:00", "--json");
    assertThat(v.get("action").asText()).isEqualTo("block");
    assertThat(v.get("check").asText()).isEqualTo("reputation");
    assertThat(v.get("category").asText()).isEqualTo("debt_collection");
    assertThat(v.get("reasons").get("zh").asText()).isEqualTo("催收 — 1 人举报");
  }

  @Test
  void contactsStillRingAndTheCheckCanBeTurnedOffOrRaised() throws IOException {
    Cli cli = cli();
    cli.run("reputation", "report", "13700001234", "--category", "fraud");
    assertThat(cli.json("screen", "call", "13700001234", "--json").get("check").asText()).isEqualTo("reputation");
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());
    assertThat(cli.json("screen", "call", "13700001234", "--json").get("check").asText()).isEqualTo("contact");

    cli.run("reputation", "report", "17188880001", "--category", "fraud");
    assertThat(cli.run("reputation", "settings", "threshold", "0.9").exit()).isZero();
    assertThat(cli.json("screen", "call", "17188880001", "--json").get("check").asText()).isNotEqualTo("reputation");
    cli.run("reputation", "settings", "threshold", "0.6");
    assertThat(cli.json("screen", "call", "17188880001", "--json").get("check").asText()).isEqualTo("reputation");
    cli.run("reputation", "settings", "enabled", "false");
    assertThat(cli.json("screen", "call", "17188880001", "--json").get("check").asText()).isNotEqualTo("reputation");
    JsonNode settings = cli.json("reputation", "settings", "--json");
    assertThat(settings.get("enabled").asText()).isEqualTo("false");
    assertThat(settings.get("priority").asText()).isEqualTo("550");
  }

  @Test
  void badReportsExitTwoWithTheReason() {
    Cli cli = cli();
    Cli.Result unknown = cli.run("reputation", "report", "17188880001", "--category", "spam");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown category 'spam'");
    Cli.Result malformed = cli.run("reputation", "report", "12", "--category", "fraud");
    assertThat(malformed.exit()).isEqualTo(2);
    cli.run("reputation", "report", "17188880001", "--category", "fraud", "--as", "flooder");
    Cli.Result again = cli.run("reputation", "report", "17188880001", "--category", "fraud", "--as", "flooder");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already reported +8617188880001 as fraud");
  }

  @Test
  void aSeedCsvImportsAllOrNothing() throws IOException {
    Cli cli = cli();
    Path bad = file("bad.csv", "number,category,comment\n17188880001,debt_collection,ok\nnope,fraud\n17188880003,spam\n");
    Cli.Result r = cli.run("reputation", "import", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("line 3:", "line 4:", "nothing was imported");
    assertThat(cli.json("reputation", "lookup", "17188880001", "--json").get("category").isNull()).isTrue();

    Path good = file("good.csv", "17188880001,debt_collection,\"night calls, threats\"\n17188880002,fraud\n");
    JsonNode imported = cli.json("reputation", "import", good.toString(), "--json");
    assertThat(imported.get("imported").asInt()).isEqualTo(2);
    assertThat(imported.get("format").asText()).isEqualTo("csv");
    assertThat(imported.get("reporter").asText()).isEqualTo("seed:good.csv");
    assertThat(cli.json("reputation", "lookup", "17188880002", "--json").get("settled").asBoolean()).isTrue();
  }

  @Test
  void ftcComplaintsAndPlainListsImport() throws IOException {
    Cli cli = cli();
    Path ftc = file("dnc.csv", "Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,"
        + "Consumer_Area_Code,Subject,Recorded_Message_Or_Robocall\n"
        + "8005551212,2026-10-01 10:00:00,2026-10-01 09:00:00,Austin,Texas,512,Imposters,N\n"
        + "8005551212,2026-10-02 10:00:00,2026-10-02 09:00:00,Austin,Texas,512,Imposters,Y\n");
    JsonNode n = cli.json("reputation", "import", ftc.toString(), "--json");
    assertThat(n.get("format").asText()).isEqualTo("ftc");
    assertThat(n.get("imported").asInt()).isEqualTo(1);
    assertThat(cli.json("reputation", "lookup", "+1 800 555 1212", "--json").get("category").asText())
        .isEqualTo("fraud");

    Path list = file("collectors.txt", "# from the forum\n16512345601\n16512345602\n");
    JsonNode l = cli.json("reputation", "import", list.toString(), "--format", "list", "--category", "threat", "--json");
    assertThat(l.get("imported").asInt()).isEqualTo(2);
    assertThat(cli.json("reputation", "lookup", "16512345602", "--json").get("category").asText()).isEqualTo("threat");
  }

  @Test
  void exportsWriteEachFormat() throws IOException {
    Cli cli = cli();
    cli.json("reputation", "import", file("s.csv", "17188880001,debt_collection\n13800138000,fraud\n").toString(),
        "--json");
    for (String format : List.of("spamblocker", "yacb", "callattendant", "e164", "vcard")) {
      Path out = files.resolve("out." + format);
      JsonNode r = cli.json("reputation", "export", "--format", format, "--out", out.toString(), "--json");
      assertThat(r.get("numbers").asInt()).as(format).isEqualTo(2);
      assertThat(Files.readString(out)).as(format).isNotEmpty();
    }
    assertThat(Files.readAllLines(files.resolve("out.e164"))).containsExactly("+8613800138000", "+8617188880001");
    assertThat(cli.run("reputation", "export", "--format", "csv", "--out", "x").exit()).isEqualTo(2);
  }

  @Test
  void blockRulesExportToo() throws IOException {
    Cli cli = cli();
    cli.run("rules", "add", "--block", "17188880001", "--label", "threat");
    cli.run("rules", "add", "--block", "165", "--kind", "prefix");
    cli.run("rules", "add", "--allow", "95588");
    Path out = files.resolve("rules.yacb");
    JsonNode r = cli.json("reputation", "export", "--format", "yacb", "--source", "rules", "--out", out.toString(),
        "--json");
    assertThat(r.get("numbers").asInt()).isEqualTo(1);
    assertThat(r.get("prefixes").asInt()).isEqualTo(1);
    assertThat(Files.readString(out)).contains(",+8617188880001,", ",+86165*,");
  }

  @Test
  void disputesSilenceAndResolve() {
    Cli cli = cli();
    cli.run("reputation", "report", "13800138000", "--category", "fraud");
    JsonNode d = cli.json("reputation", "dispute", "13800138000", "--statement", "my shop's number", "--as", "shop",
        "--json");
    assertThat(d.get("state").asText()).isEqualTo("open");
    assertThat(cli.json("screen", "call", "13800138000", "--json").get("action").asText()).isEqualTo("silence");
    assertThat(cli.json("reputation", "disputes", "--json").get("disputes")).hasSize(1);
    JsonNode resolved = cli.json("reputation", "resolve", d.get("id").asText(), "--uphold", "--json");
    assertThat(resolved.get("state").asText()).isEqualTo("upheld");
    assertThat(cli.json("reputation", "lookup", "13800138000", "--json").get("category").asText()).isEqualTo("normal");
    assertThat(cli.run("reputation", "resolve", "99", "--reject").exit()).isEqualTo(2);
  }

  @Test
  void replayUsesTheReputationToo() {
    Cli cli = cli();
    cli.run("reputation", "import", Samples.file("calls.xml").toString()); // not a seed list: refused
    JsonNode before = cli.json("replay", Samples.file("calls.xml").toString(), "--json");
    String first = before.get("events").get(0).get("number").asText();
    cli.run("reputation", "report", first, "--category", "debt_collection");
    JsonNode after = cli.json("replay", Samples.file("calls.xml").toString(), "--json");
    assertThat(after.get("events").get(0).get("check").asText()).isIn("reputation", "contact", "user-rule",
        "service-number", "emergency", "dialled");
  }

  @Test
  void aSnapshotIsWrittenAndSyncKeepsAnOfflineCopyThatScreens(@TempDir Path serverData) throws Exception {
    Cli cli = cli();
    cli.run("reputation", "report", "17188880001", "--category", "debt_collection");
    Path snap = files.resolve("local.dsnap");
    JsonNode written = cli.json("reputation", "snapshot", "--out", snap.toString(), "--json");
    assertThat(written.get("numbers").asInt()).isEqualTo(1);

    // a community server with its own store
    try (org.dunshield.store.Database db = org.dunshield.store.Database.openDirectory(serverData);
        org.dunshield.store.reputation.ReputationStore store =
            org.dunshield.store.reputation.ReputationStore.openDirectory(serverData)) {
      var clock = java.time.Clock.systemUTC();
      var reputations = new org.dunshield.core.reputation.Reputations(store.reputation(),
          org.dunshield.core.reputation.ReputationPolicy.defaults(), clock);
      var cn = org.dunshield.core.number.NumberParser.forRegion("CN");
      reputations.importSeeds(List.of(new org.dunshield.core.reputation.Report(cn.parse("16512345678"),
          org.dunshield.core.screen.Category.FRAUD, "", "seed:server", clock.instant())));
      var publisher = new org.dunshield.server.reputation.Publisher(reputations, serverData.resolve("snaps"), clock, 1,
          java.time.Duration.ofDays(8));
      var screening = new org.dunshield.core.screen.LiveScreening(db.rules(), db.contacts(), db.settings(),
          db.history(), org.dunshield.core.screen.Screener.standard(), clock, java.time.Duration.ZERO);
      try (var server = org.dunshield.server.DunshieldServer.start(new org.dunshield.server.DunshieldServer.Config(
          "127.0.0.1", 0, screening, limit -> List.of(), null, new org.dunshield.server.reputation.ReputationApi(
              reputations, cn, org.dunshield.server.reputation.ReporterTokens.none(), publisher)))) {
        String url = "http://127.0.0.1:" + server.port();
        JsonNode first = cli.json("reputation", "sync", url, "--json");
        assertThat(first.get("downloaded").asText()).isEqualTo("snapshot");
        assertThat(first.get("numbers").asInt()).isEqualTo(1);
        JsonNode v = cli.json("screen", "call", "16512345678", "--json");
        assertThat(v.get("check").asText()).isEqualTo("reputation");
        assertThat(v.get("category").asText()).isEqualTo("fraud");

        reputations.importSeeds(List.of(new org.dunshield.core.reputation.Report(cn.parse("16512345679"),
            org.dunshield.core.screen.Category.THREAT, "", "seed:server", clock.instant())));
        publisher.publish();
        JsonNode second = cli.json("reputation", "sync", url, "--json");
        assertThat(second.get("downloaded").asText()).isEqualTo("delta");
        assertThat(second.get("numbers").asInt()).isEqualTo(2);
        assertThat(cli.json("screen", "call", "16512345679", "--json").get("category").asText()).isEqualTo("threat");
      }
    }
  }
}
