package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay, screen, classify and analyze with the detectors, through the real command line. */
class DetectionCommandsTest {
  @TempDir Path data;

  private Cli cli() {
    return new Cli(data);
  }

  private static Path resource(String name) {
    try {
      return Path.of(DetectionCommandsTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void replayBlocksTheSampleBurstFromItsFifthCallAndReportsOneIncident() {
    Cli cli = cli();
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());

    JsonNode replay = cli.json("replay", Samples.file("calls.xml").toString(), "--json");

    List<String> burst = new ArrayList<>();
    for (JsonNode e : replay.get("events")) {
      if (e.get("at").asText().startsWith("2026-10-12T20:0")) {
        burst.add(e.get("action").asText() + " " + e.get("category").asText());
      }
    }
    assertThat(burst).containsExactly("allow null", "allow null", "allow null", "allow null",
        "block call_bombing", "block call_bombing", "block call_bombing");
    JsonNode incident = replay.get("incidents").get(0);
    assertThat(incident.get("kind").asText()).isEqualTo("call_bombing");
    assertThat(incident.get("start").asText()).isEqualTo("2026-10-12T20:00+08:00");
    assertThat(incident.get("events").asInt()).isEqualTo(7);
    assertThat(incident.get("numbers")).hasSize(7);
  }

  @Test
  void duringAnAttackEveryContactStillRingsAndEveryStrangerIsBlocked() {
    Cli cli = cli();
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());

    JsonNode replay = cli.json("replay", resource("bombing-calls.xml").toString(), "--json");

    for (JsonNode e : replay.get("events")) {
      String number = e.get("number").isNull() ? "hidden" : e.get("number").asText();
      boolean contact = List.of("+8613700001234", "+8675588886666", "+8613900005678").contains(number);
      boolean afterTrip = e.get("at").asText().compareTo("2026-10-12T20:01:20") >= 0;
      if (contact) {
        assertThat(e.get("action").asText()).as(number).isEqualTo("allow");
        assertThat(e.get("check").asText()).isEqualTo("contact");
      } else if (afterTrip) {
        assertThat(e.get("action").asText()).as(number + " at " + e.get("at")).isEqualTo("block");
        assertThat(e.get("category").asText()).isEqualTo("call_bombing");
      } else {
        assertThat(e.get("action").asText()).isEqualTo("allow");
      }
    }
    assertThat(replay.get("incidents")).hasSize(1);
    assertThat(replay.get("incidents").get(0).get("events").asInt()).isEqualTo(9);
  }

  @Test
  void liveScreeningInANewProcessPerCallRebuildsTheAttackFromTheStoredHistory() {
    Cli cli = cli();
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());
    String[] burst = {"13011110001", "15622220002", "18233330003", "13544440004", "17655550005"};
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < burst.length; i++) {
      String at = String.format("2026-10-12T20:0%d:%02d+08:00", 20 * i / 60, 20 * i % 60);
      actions.add(cli.json("screen", "call", burst[i], "--at", at, "--json").get("action").asText());
    }

    assertThat(actions).containsExactly("allow", "allow", "allow", "allow", "block");
    JsonNode dad = cli.json("screen", "call", "13700001234", "--at", "2026-10-12T20:01:30+08:00", "--json");
    assertThat(dad.get("action").asText()).isEqualTo("allow");
    JsonNode stranger = cli.json("screen", "call", "13899990000", "--at", "2026-10-12T20:01:40+08:00", "--json");
    assertThat(stranger.get("category").asText()).isEqualTo("call_bombing");
  }

  @Test
  void detectorSettingsComeFromDetectionPropertiesInTheDataDirectory() throws Exception {
    Cli cli = cli();
    Files.writeString(data.resolve("detection.properties"), "call-bombing.enabled=false\n", StandardCharsets.UTF_8);

    JsonNode replay = cli.json("replay", Samples.file("calls.xml").toString(), "--json");

    assertThat(replay.get("summary").get("block").asInt()).isZero();
    Files.writeString(data.resolve("detection.properties"), "call-bombing.window=soon\n", StandardCharsets.UTF_8);
    Cli.Result bad = cli.run("replay", Samples.file("calls.xml").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("detection.properties").contains("call-bombing.window");
  }

  @Test
  void classifyPrintsCategoryAndConfidencePerMessage() throws Exception {
    JsonNode one = cli().json("classify", "--text", "验证码 123456", "--json");
    assertThat(one.get("results")).hasSize(1);
    assertThat(one.get("results").get(0).get("text").asText()).isEqualTo("验证码 123456");
    assertThat(one.get("results").get(0).get("category").asText()).isEqualTo("verification_code");
    assertThat(one.get("results").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);

    Path file = data.resolve("messages.tsv");
    Files.writeString(file, "threat\t再不还钱明天去你公司，让你同事都知道你是老赖！\n\n晚上回家吃饭吗？\n", StandardCharsets.UTF_8);
    JsonNode many = cli().json("classify", "--file", file.toString(), "--json");
    assertThat(many.get("results")).hasSize(2);
    assertThat(many.get("results").get(0).get("text").asText()).startsWith("再不还钱");
    assertThat(many.get("results").get(0).get("category").asText()).isEqualTo("threat");
    assertThat(many.get("results").get(1).get("category").asText()).isEqualTo("normal");
  }

  @Test
  void classifyWantsExactlyOneInput() {
    assertThat(cli().run("classify").exit()).isEqualTo(2);
    assertThat(cli().run("classify", "--text", "a", "--file", "b").exit()).isEqualTo(2);
    Cli.Result missing = cli().run("classify", "--file", data.resolve("nope.txt").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void analyzeConductFindsViolationsInTheImportedSamples() {
    Cli cli = cli();
    cli.run("contacts", "import", Samples.file("contacts.vcf").toString());
    cli.run("import", Samples.file("calls.xml").toString());
    cli.run("import", Samples.file("sms.xml").toString());

    JsonNode doc = cli.json("analyze", "conduct", "--rules", "cn-nifa-2024", "--json");

    assertThat(doc.get("ruleSets").get(0).asText()).isEqualTo("cn-nifa-2024");
    List<String> rules = new ArrayList<>();
    doc.get("violations").forEach(v -> rules.add(v.get("rule").asText()));
    assertThat(rules).containsExactly("cn-nifa-2024/quiet-hours", "cn-nifa-2024/threats");
    JsonNode night = doc.get("violations").get(0);
    assertThat(night.get("events")).hasSize(2);
    assertThat(night.get("events").get(0).get("at").asText()).isEqualTo("2026-10-12T22:30+08:00");
    assertThat(night.get("numbers").get(0).asText()).isEqualTo("+8617188880002");
    assertThat(night.get("collector").asText()).isEqualTo("campaign-1");
  }

  @Test
  void analyzeCampaignsGroupsTheBlockAndTheBombers() {
    Cli cli = cli();
    cli.run("import", Samples.file("calls.xml").toString());
    cli.run("import", Samples.file("sms.xml").toString());

    JsonNode campaigns = cli.json("analyze", "campaigns", "--json").get("campaigns");

    assertThat(campaigns).hasSize(2);
    assertThat(campaigns.get(0).get("numbers").toString()).isEqualTo("[\"+8617188880001\",\"+8617188880002\"]");
    assertThat(campaigns.get(0).get("links").get(0).get("kind").asText()).isEqualTo("block");
    assertThat(campaigns.get(1).get("numbers")).hasSize(7);
    assertThat(campaigns.get(1).get("links").get(0).get("kind").asText()).isEqualTo("timing");
    assertThat(cli.json("analyze", "incidents", "--json").get("incidents")).hasSize(1);
  }

  @Test
  void analyzeRefusesUnknownRuleSets() {
    Cli.Result r = cli().run("analyze", "conduct", "--rules", "cn-nifa-2030");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown rule set 'cn-nifa-2030'");
  }
}
