package org.dunshield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdr generate}, {@code cdr analyze} (both engines) and {@code cdr score} end to end. */
class CdrCommandTest {
  @TempDir
  static Path dir;
  static Cli cli;
  static Path cdrs;
  static Path truth;

  @BeforeAll
  static void generate() {
    cli = new Cli(dir.resolve("data"));
    cdrs = dir.resolve("cdrs.csv");
    truth = dir.resolve("truth.csv");
    Cli.Result r = cli.run("cdr", "generate", "--subscribers", "10000", "--days", "3", "--seed", "11", "--out",
        cdrs.toString(), "--truth", truth.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("generated ");
  }

  @Test
  void theSameSeedGeneratesTheSameNetwork() throws Exception {
    Path again = dir.resolve("again.csv");
    Cli.Result r = cli.run("cdr", "generate", "--subscribers", "10000", "--days", "3", "--seed", "11", "--out",
        again.toString(), "--truth", dir.resolve("again-truth.csv").toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.mismatch(cdrs, again)).isEqualTo(-1);
    assertThat(Files.mismatch(truth, dir.resolve("again-truth.csv"))).isEqualTo(-1);
  }

  @Test
  void localAnalysisScoresWithoutFlaggingLegitimateCallersAndCatchesEveryAttackWithinAMinute() {
    Path flags = dir.resolve("local.jsonl");
    Cli.Result r = cli.run("cdr", "analyze", cdrs.toString(), "--engine", "local", "--out", flags.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode score = cli.json("cdr", "score", "--flags", flags.toString(), "--truth", truth.toString(), "--json");
    assertThat(score.get("precision").asDouble()).isEqualTo(1.0);
    assertThat(score.get("recall").asDouble()).isGreaterThan(0.8);
    assertThat(score.get("f1").asDouble()).isGreaterThan(0.9);
    assertThat(score.get("legitimate_flagged").asInt()).isZero();
    assertThat(score.get("categories").fieldNames()).toIterable()
        .contains("debt_collection", "marketing", "one_ring", "call_bombing");
    assertThat(score.get("attacks").get("within_60s").asInt()).isEqualTo(score.get("attacks").get("total").asInt());
  }

  @Test
  void theLocalEngineWritesTheSameFindingsFileOnOneThreadAndOnTwo() throws Exception {
    Path one = dir.resolve("one-thread.jsonl");
    Path two = dir.resolve("two-threads.jsonl");
    Cli.Result r = cli.run("cdr", "analyze", cdrs.toString(), "--threads", "1", "--out", one.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    r = cli.run("cdr", "analyze", cdrs.toString(), "--threads", "2", "--out", two.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(one)).isNotEmpty();
    assertThat(Files.mismatch(one, two)).isEqualTo(-1);
    assertThat(cli.run("cdr", "analyze", cdrs.toString(), "--threads", "3", "--out", two.toString()).exit()).isEqualTo(2);
  }

  @Test
  void theFlinkEngineFlagsTheSameNumbersAndAttacksAsTheLocalEngine() throws Exception {
    Path local = dir.resolve("same-local.jsonl");
    Path flink = dir.resolve("same-flink.jsonl");
    assertThat(cli.run("cdr", "analyze", cdrs.toString(), "--out", local.toString()).exit()).isZero();
    Cli.Result r = cli.run("cdr", "analyze", cdrs.toString(), "--engine", "flink", "--out", flink.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(flink)).hasSameSizeAs(Files.readAllLines(local));
    assertThat(keys(flink)).isEqualTo(keys(local));
  }

  /**
   * What both engines must agree on: kind, number or target, category. The evidence of a flag is
   * taken at the call that completed it, and across parallel Flink subtasks calls of one caller may
   * arrive in another order than in the file, so the counts and times may differ a little.
   */
  private static java.util.Set<String> keys(Path findings) throws java.io.IOException {
    java.util.Set<String> keys = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(findings)) {
      JsonNode n = org.dunshield.server.Json.mapper().readTree(line);
      keys.add(n.get("type").asText() + " " + (n.has("number") ? n.get("number") : n.get("target")).asText() + " "
          + n.get("category").asText());
    }
    return keys;
  }

  @Test
  void aBadRecordIsBadInputNamingFileLineAndFieldAndWritesNothing() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "caller,callee,start_ms,ring_s,talk_s,answered,disposition,cell\n"
        + "+8613000000001,+8613000000002,1772400000000,3,sixty,true,answered,\n");
    for (String engine : new String[] {"local", "flink"}) {
      Path out = dir.resolve("bad-" + engine + ".jsonl");
      Cli.Result r = cli.run("cdr", "analyze", bad.toString(), "--engine", engine, "--out", out.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("bad.csv:2: field 'talk_s'");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void scoringAFileThatIsNotFindingsIsBadInput() throws Exception {
    Path notFlags = dir.resolve("not-flags.jsonl");
    Files.writeString(notFlags, "{\"type\":\"number\",\"number\":\"12345\",\"category\":\"marketing\",\"at\":1}\n");
    Cli.Result r = cli.run("cdr", "score", "--flags", notFlags.toString(), "--truth", truth.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not-flags.jsonl:1: field 'number'");
  }
}
