package org.dunshield.cli.cdr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dunshield.cli.CdrCommand;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.CdrFiles;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.LocalEngine;
import org.dunshield.stream.CdrJob;
import org.dunshield.stream.JobOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cdr analyze CDRS --engine local|flink --out FLAGS}: carrier detection over a CDR file. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Find harassing numbers and bombing attacks in a CDR file; findings as JSON lines.",
        "在话单中查找骚扰号码和呼叫轰炸。"})
public final class AnalyzeCdrCommand implements Callable<Integer> {
  /** Which engine runs the detection. */
  public enum Engine { local, flink }

  @ParentCommand CdrCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CDRS", description = "CDR file (.csv, .jsonl, .ndjson, optionally .gz).")
  Path cdrs;

  @Option(names = "--engine", defaultValue = "local", paramLabel = "local|flink",
      description = "local (in-process) or flink (the Flink job on a MiniCluster in this JVM).")
  Engine engine;

  @Option(names = "--out", required = true, paramLabel = "FLAGS", description = "Findings file to write (JSON lines).")
  Path out;

  @Option(names = "--allowlist", paramLabel = "FILE", description = "Numbers never flagged, one E.164 a line.")
  Path allowlist;

  @Option(names = "--complaints", paramLabel = "FILE", description = "CSV number,complaints joined into the evidence.")
  Path complaints;

  @Option(names = "--threads", paramLabel = "1|2",
      description = {"Local engine threads: 2 runs the caller side beside parsing and the callee side (same findings);"
          + " default 2 when the machine has 2 CPUs or more, else 1.", "本地引擎线程数：1 或 2（结果相同）。"})
  Integer threads;

  @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N", description = "Flink parallelism (default 2).")
  int parallelism;

  @Option(names = "--state-backend", defaultValue = "hashmap", paramLabel = "hashmap|rocksdb",
      description = "Flink state backend (default hashmap).")
  String stateBackend;

  @Option(names = "--checkpoint-interval-ms", defaultValue = "30000", paramLabel = "MS",
      description = "Flink exactly-once checkpoint interval, 0 for none (default 30000).")
  long checkpointInterval;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(cdrs)) {
      throw new IllegalArgumentException(cdrs + ": no such CDR file");
    }
    KnownNumbers known = KnownNumbersFiles.read(allowlist, complaints);
    CarrierSettings settings = CarrierSettings.defaults();
    long began = System.nanoTime();
    long[] counts = new long[3];
    if (threads != null && threads != 1 && threads != 2) {
      throw new IllegalArgumentException("--threads must be 1 or 2, got " + threads);
    }
    if (engine == Engine.local) {
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
      Path tmp = Outputs.temporaryBeside(out);
      try {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            // with two threads the sink runs on the engine's worker, one finding at a time, in order
            LocalEngine local = new LocalEngine(settings, known, f -> {
              try {
                w.write(f.toJson());
                w.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              counts[f instanceof AttackAlert ? 1 : 2]++;
            }, n)) {
          counts[0] = CdrFiles.read(cdrs, local);
          local.flush();
        }
        Outputs.commit(tmp, out);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } else {
      quietFlinkLogs();
      JobOptions options = JobOptions.defaults().withParallelism(parallelism).withStateBackend(stateBackend)
          .withCheckpoints(Duration.ofMillis(checkpointInterval), null);
      try {
        CdrJob.runLocal(cdrs, out, settings, known, options);
      } catch (Exception e) {
        throw badInputOr(e);
      }
      try (var lines = Files.lines(out)) {
        lines.forEach(s -> counts[s.startsWith("{\"type\":\"attack\"") ? 1 : 2]++);
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    if (engine == Engine.local) {
      spec.commandLine().getOut().printf(parent.say(
          "%,d 条话单，%.1f 秒（%,.0f 条/秒）；标记号码 %d 个，轰炸告警 %d 条 → %s%n",
          "%,d CDRs in %.1f s (%,.0f per second); %d numbers flagged, %d bombing alerts -> %s%n"),
          counts[0], seconds, counts[0] / seconds, counts[2], counts[1], out);
    } else {
      spec.commandLine().getOut().printf(parent.say(
          "Flink 作业完成，%.1f 秒；标记号码 %d 个，轰炸告警 %d 条 → %s%n",
          "Flink job done in %.1f s; %d numbers flagged, %d bombing alerts -> %s%n"),
          seconds, counts[2], counts[1], out);
    }
    return 0;
  }

  /** A bad record deep inside a failed Flink job is still bad input, reported as such. */
  private static Exception badInputOr(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException bad) {
        return bad;
      }
    }
    return e;
  }

  private static void quietFlinkLogs() {
    for (String logger : new String[] {"org.apache.flink", "org.apache.kafka", "akka", "org.apache.pekko"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, "error");
    }
    // a bad record fails the job; the command reports it (file, line, field) instead of a stack trace
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.flink.connector.base.source.reader.fetcher", "off");
  }
}
