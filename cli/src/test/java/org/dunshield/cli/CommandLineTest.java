package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line round-trips rules, contacts, imports and verdicts on the embedded SQLite store. */
class CommandLineTest {
  @TempDir Path data;

  private Cli cli() {
    return new Cli(data);
  }

  @Test
  void contactsImportedFromAVcardAreListedAndRing() {
    Cli cli = cli();
    assertThat(cli.json("contacts", "import", Samples.file("contacts.vcf").toString(), "--json").get("imported").asInt())
        .isEqualTo(3);
    String listed = cli.json("contacts", "list", "--json").toString();
    assertThat(listed).contains("+8613700001234", "+8675588886666", "+8613900005678", "爸爸");
    cli.run("settings", "set", "mode", "strangers");
    JsonNode dad = cli.json("screen", "call", "137 0000 1234", "--at", "2026-10-14T10:00:00+08:00", "--json");
    assertThat(dad.get("action").asText()).isEqualTo("allow");
    assertThat(dad.get("check").asText()).isEqualTo("contact");
    assertThat(dad.get("number").asText()).isEqualTo("+8613700001234");
  }

  @Test
  void contactsImportRefusesACallsBackup() {
    Cli.Result r = cli().run("contacts", "import", Samples.file("calls.xml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not a vCard");
  }

  @Test
  void rulesRoundTripAndBlockWithTheirReason() {
    Cli cli = cli();
    assertThat(cli.run("rules", "add", "--block", "171*", "--kind", "wildcard", "--label", "debt_collection").exit()).isZero();
    cli.run("rules", "add", "--allow", "17188880001", "--priority", "5", "--when", "Mon-Fri 09:00-18:00");
    JsonNode rules = cli.json("rules", "list", "--json").get("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).get("pattern").asText()).isEqualTo("+86171*");
    assertThat(rules.get(1).get("when").asText()).isEqualTo("Mon-Fri 09:00-18:00");
    assertThat(rules.get(0).get("when").isTextual()).as("always: \"\", as the HTTP API answers").isTrue();
    assertThat(rules.get(0).get("when").asText()).isEmpty();

    JsonNode blocked = cli.json("screen", "call", "17188880002", "--at", "2026-10-14T10:00:00+08:00", "--json");
    assertThat(blocked.get("action").asText()).isEqualTo("block");
    assertThat(blocked.get("rule").asLong()).isEqualTo(rules.get(0).get("id").asLong());
    assertThat(blocked.get("category").asText()).isEqualTo("debt_collection");
    assertThat(blocked.get("reason").asText()).contains("rule #1");

    JsonNode conflicts = cli.json("rules", "conflicts", "--json").get("conflicts");
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).get("winner").get("id").asLong()).isEqualTo(2);
    assertThat(conflicts.get(0).get("decidedBy").asText()).isEqualTo("priority");

    assertThat(cli.run("rules", "remove", "1").exit()).isZero();
    assertThat(cli.run("rules", "remove", "1").exit()).isEqualTo(2);
    assertThat(cli.json("rules", "list", "--json").get("rules")).hasSize(1);
  }

  @Test
  void badInputExitsTwoWithAMessageAndStoresNothing() {
    Cli cli = cli();
    Cli.Result regex = cli.run("rules", "add", "--block", "(", "--kind", "regex");
    assertThat(regex.exit()).isEqualTo(2);
    assertThat(regex.err()).contains("does not compile");
    assertThat(cli.run("settings", "set", "mode", "bogus").exit()).isEqualTo(2);
    assertThat(cli.run("screen", "call", "not-a-number").exit()).isEqualTo(2);
    assertThat(cli.run("screen", "call", "13800138000", "--at", "yesterday").err()).contains("--at");
    assertThat(cli.run("rules", "add", "--block", "171", "--kind", "prefix", "--when", "Mon 25:00-08:00").exit())
        .isEqualTo(2);
    assertThat(cli.run("rules", "add", "--block", "171", "--kind", "nonsense").exit()).isEqualTo(2);
    assertThat(cli.run("import", data.resolve("missing.xml").toString()).exit()).isEqualTo(2);
    assertThat(cli.json("rules", "list", "--json").get("rules")).isEmpty();
    assertThat(cli.run("no-such-command").exit()).isEqualTo(2);
  }

  @Test
  void importsAreIdempotentAndAllOrNothing() throws Exception {
    Cli cli = cli();
    JsonNode first = cli.json("import", Samples.file("calls.xml").toString(), "--json");
    assertThat(first.get("imported").asInt()).isEqualTo(13);
    assertThat(cli.json("import", Samples.file("sms.xml").toString(), "--json").get("imported").asInt()).isEqualTo(6);
    assertThat(cli.json("import", Samples.file("calls.xml").toString(), "--json").get("imported").asInt()).isZero();
    assertThat(cli.json("history", "--json").get("events")).hasSize(19);

    String broken = Files.readString(Samples.file("calls.xml")).replace("date=\"1791806480000\"", "date=\"soon\"")
        .replace("number=\"13011110001\"", "number=\"13011119999\"");
    Path file = data.resolve("broken-calls.xml");
    Files.writeString(file, broken);
    Cli.Result r = cli.run("import", file.toString(), "--json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("broken-calls.xml:").contains("date");
    assertThat(cli.json("history", "--json").get("events")).hasSize(19);
  }

  @Test
  void historyFiltersByDayInTheUsersTimeZone() {
    Cli cli = cli();
    cli.run("import", Samples.file("calls.xml").toString());
    JsonNode day = cli.json("history", "--from", "2026-10-13", "--to", "2026-10-13", "--json").get("events");
    assertThat(day).hasSize(1);
    assertThat(day.get(0).get("number").isNull()).isTrue();
    assertThat(cli.run("history", "--from", "2026-10-14", "--to", "2026-10-13").exit()).isEqualTo(2);
  }

  @Test
  void aStrangerRingingTwiceWithinThreeMinutesGetsThroughOnceAcrossInvocations() {
    Cli cli = cli();
    cli.run("settings", "set", "mode", "strangers");
    assertThat(cli.json("screen", "call", "15622220002", "--at", "2026-10-14T10:00:00+08:00", "--json")
        .get("action").asText()).isEqualTo("block");
    JsonNode second = cli.json("screen", "call", "15622220002", "--at", "2026-10-14T10:02:00+08:00", "--json");
    assertThat(second.get("action").asText()).isEqualTo("allow");
    assertThat(second.get("check").asText()).isEqualTo("repeat-caller");
    assertThat(cli.json("screen", "call", "15622220002", "--at", "2026-10-14T10:03:00+08:00", "--json")
        .get("action").asText()).isEqualTo("block");
    JsonNode history = cli.json("history", "--json").get("events");
    assertThat(history).hasSize(3);
    assertThat(history.get(1).get("verdict").get("check").asText()).isEqualTo("repeat-caller");
  }

  @Test
  void hiddenCallersHaveNoNumberAndAreBlockedWhenAsked() {
    Cli cli = cli();
    JsonNode v = cli.json("screen", "call", "--presentation", "restricted", "--at", "2026-10-14T10:00:00+08:00", "--json");
    assertThat(v.get("number").isNull()).isTrue();
    assertThat(v.get("action").asText()).isEqualTo("allow");
    cli.run("settings", "set", "block-hidden", "true");
    assertThat(cli.json("screen", "call", "--json").get("check").asText()).isEqualTo("hidden-caller");
  }

  @Test
  void smsVerdictsHaveTheContractShape() {
    JsonNode v = cli().json("screen", "sms", "1069000111", "--text", "验证码 123456", "--json");
    assertThat(v.has("action") && v.has("check") && v.has("category") && v.has("reason") && v.has("rule")).isTrue();
    assertThat(cli().json("screen", "sms", "CMBCHINA", "--text", "hello", "--json").get("number").isNull()).isTrue();
  }

  @Test
  void replayScreensEveryIncomingEventWithoutTouchingHistory() {
    Cli cli = cli();
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());
    cli.run("settings", "set", "mode", "strangers");
    JsonNode replay = cli.json("replay", Samples.file("calls.xml").toString(), "--json");
    JsonNode summary = replay.get("summary");
    assertThat(summary.get("events").asInt()).isEqualTo(12);
    assertThat(summary.get("allow").asInt() + summary.get("silence").asInt() + summary.get("block").asInt()).isEqualTo(12);
    JsonNode first = replay.get("events").get(0);
    assertThat(first.get("number").asText()).isEqualTo("+8613700001234");
    assertThat(first.get("check").asText()).isEqualTo("contact");
    assertThat(first.get("at").asText()).isEqualTo("2026-10-12T08:40+08:00");
    assertThat(cli.json("history", "--json").get("events")).isEmpty();
  }

  @Test
  void settingsShowEveryKey() {
    Cli cli = cli();
    cli.run("settings", "set", "repeat-allow-minutes", "5");
    JsonNode s = cli.json("settings", "show", "--json");
    assertThat(s.get("repeat-allow-minutes").asText()).isEqualTo("5");
    assertThat(s.get("mode").asText()).isEqualTo("standard");
    assertThat(s.get("timezone").asText()).isEqualTo("Asia/Shanghai");
  }
}
