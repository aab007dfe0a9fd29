package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.CdrFiles;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.LocalEngine;
import org.dunshield.core.carrier.NetworkGenerator;
import org.dunshield.core.carrier.Scoring;
import org.dunshield.core.carrier.Truth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a two-slot MiniCluster against the local engine, on one generated network (10,000
 * subscribers, two days): same findings in order and out of order, the job jar's main, bad input.
 */
class CdrJobIT {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  static Path dir;
  static Path cdrs;
  static List<Cdr> calls = new ArrayList<>();
  static List<Truth.Row> truth;
  static TreeSet<String> local;

  @BeforeAll
  static void generate() throws IOException {
    cdrs = dir.resolve("cdrs.csv");
    try (OutputStream o = Files.newOutputStream(cdrs); CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(o, false)) {
      truth = new NetworkGenerator(10_000, 2, 7, NetworkGenerator.DEFAULT_START).generate(c -> {
        calls.add(c);
        w.write(c);
      });
    }
    local = new TreeSet<>();
    LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> local.add(key(f.toJson())));
    calls.forEach(engine);
    engine.flush();
  }

  /** What must agree between engines: kind, number and category (times may differ out of order). */
  static String key(String json) {
    String type = field(json, "type");
    return type + " " + field(json, type.equals("number") ? "number" : "target") + " " + field(json, "category");
  }

  static String field(String json, String key) {
    int i = json.indexOf("\"" + key + "\":\"") + key.length() + 4;
    return json.substring(i, json.indexOf('"', i));
  }

  private static TreeSet<String> run(Path input) throws Exception {
    StreamExecutionEnvironment env = CdrJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(),
        JobOptions.defaults());
    DataStream<String> out = CdrJob.detect(CdrJob.files(env, input), CarrierSettings.defaults(), KnownNumbers.none(),
        JobOptions.defaults());
    TreeSet<String> keys = new TreeSet<>();
    try (CloseableIterator<String> it = out.executeAndCollect()) {
      it.forEachRemaining(s -> keys.add(key(s)));
    }
    return keys;
  }

  @Test
  void theGeneratedNetworkHasEveryKindOfFindingAndTheLocalEngineFindsOnlyAbuse() throws IOException {
    assertThat(local).anyMatch(k -> k.startsWith("attack")).anyMatch(k -> k.endsWith("debt_collection"))
        .anyMatch(k -> k.endsWith("marketing")).anyMatch(k -> k.endsWith("one_ring"));
    Path findings = dir.resolve("local.jsonl");
    Files.write(findings, localFindings(calls));
    List<Scoring.Flag> flags = new ArrayList<>();
    List<Scoring.Alert> alerts = new ArrayList<>();
    Scoring.read(findings, flags, alerts);
    Scoring.Report report = Scoring.score(flags, alerts, truth);
    assertThat(report.numbers().precision()).isEqualTo(1.0);
    assertThat(report.legitimateFlagged()).isZero();
    assertThat(report.attacksWithin60s()).isEqualTo(report.attackCount());
  }

  /** The local engine's findings as JSON lines. */
  static List<String> localFindings(List<Cdr> calls) {
    List<String> findings = new ArrayList<>();
    LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> findings.add(f.toJson()));
    calls.forEach(engine);
    engine.flush();
    return findings;
  }

  @Test
  void theFlinkJobMakesTheSameFindingsAsTheLocalEngine() throws Exception {
    Path out = dir.resolve("flink-findings.jsonl");
    long n = CdrJob.runLocal(cdrs, out, CarrierSettings.defaults(), KnownNumbers.none(), JobOptions.defaults());
    TreeSet<String> flink = new TreeSet<>();
    try (Stream<String> lines = Files.lines(out)) {
      lines.forEach(s -> flink.add(key(s)));
    }
    assertThat(n).isEqualTo(flink.size());
    assertThat(flink).isEqualTo(local);
  }

  @Test
  void theRocksDbStateBackendWithCheckpointsOnDiskGivesTheSameFindings() throws Exception {
    Path out = dir.resolve("rocksdb-findings.jsonl");
    JobOptions rocks = JobOptions.defaults().withStateBackend("rocksdb")
        .withCheckpoints(java.time.Duration.ofSeconds(2), dir.resolve("checkpoints").toUri().toString());
    CdrJob.runLocal(cdrs, out, CarrierSettings.defaults(), KnownNumbers.none(), rocks);
    TreeSet<String> keys = new TreeSet<>();
    try (Stream<String> lines = Files.lines(out)) {
      lines.forEach(s -> keys.add(key(s)));
    }
    assertThat(keys).isEqualTo(local);
  }

  /** {@code calls} with records swapped with one of the next eight when less than 4 s apart (seeded). */
  static List<Cdr> outOfOrder(List<Cdr> calls) {
    List<Cdr> shuffled = new ArrayList<>(calls);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i + 1 < shuffled.size(); i++) {
      int j = i + 1 + r.nextInt(Math.min(8, shuffled.size() - i - 1));
      if (shuffled.get(j).start() - shuffled.get(i).start() < 4_000) {
        Cdr t = shuffled.get(i);
        shuffled.set(i, shuffled.get(j));
        shuffled.set(j, t);
      }
    }
    return shuffled;
  }

  @Test
  void recordsUpToFiveSecondsOutOfOrderGiveTheSameFindings() throws Exception {
    List<Cdr> shuffled = outOfOrder(calls);
    assertThat(shuffled).isNotEqualTo(calls);
    Path input = dir.resolve("shuffled.csv");
    try (OutputStream o = Files.newOutputStream(input); CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(o, false)) {
      for (Cdr c : shuffled) {
        w.write(c);
      }
    }
    assertThat(run(input)).isEqualTo(local);
  }

  @Test
  void theJobJarMainWritesFindingsFilesThatScoreLikeTheLocalEngine() throws Exception {
    Path out = dir.resolve("main-out");
    CdrJob.main(new String[] {"--input", cdrs.toString(), "--output", out.toString(), "--parallelism", "2",
        "--checkpoint-interval-ms", "500"});
    TreeSet<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.readAllLines(p, StandardCharsets.UTF_8).forEach(s -> keys.add(key(s)));
      }
    }
    assertThat(keys).isEqualTo(local);
  }

  @Test
  void aBadRecordFailsTheJobNamingFileLineAndField() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, CdrFiles.CSV_HEADER + "\n+8613000000001,+8613000000002,1772400000000,3,60,true,answered,\n"
        + "+8613000000001,13000000002,1772400001000,3,60,true,answered,\n");
    assertThatThrownBy(() -> CdrJob.runLocal(bad, dir.resolve("bad-out.jsonl"), CarrierSettings.defaults(),
        KnownNumbers.none(), JobOptions.defaults()))
        .satisfies(e -> assertThat(rootMessage(e)).contains("bad.csv:3: field 'callee'"));
    assertThat(dir.resolve("bad-out.jsonl")).doesNotExist();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
