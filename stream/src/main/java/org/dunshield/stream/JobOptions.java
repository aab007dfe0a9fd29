package org.dunshield.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the job runs: parallelism, watermarks, checkpoints and state backend. Parsed from
 * {@code --key value} arguments by {@link #parse(String[])} (the job jar's command line). Immutable.
 *
 * @param parallelism operator parallelism (0: the environment's default)
 * @param outOfOrderness how late a record may come, in event time, relative to the newest one
 * @param checkpointInterval exactly-once checkpoint interval (zero: no checkpoints)
 * @param checkpointDir where checkpoints go ({@code file:///…}, {@code s3://…}); null keeps them in memory
 * @param stateBackend {@code hashmap} (heap) or {@code rocksdb}
 */
public record JobOptions(int parallelism, Duration outOfOrderness, Duration checkpointInterval, String checkpointDir,
    String stateBackend) {
  private static final String HEAP = "hashmap";

  public JobOptions {
    Objects.requireNonNull(outOfOrderness, "outOfOrderness");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(stateBackend, "stateBackend");
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism cannot be negative");
    }
    if (!stateBackend.equals(HEAP) && !stateBackend.equals("rocksdb")) {
      throw new IllegalArgumentException("state backend must be hashmap or rocksdb, got '" + stateBackend + "'");
    }
  }

  /** Parallelism 2, 5 s out of order, checkpoints every 30 s in memory, heap state. */
  public static JobOptions defaults() {
    return new JobOptions(2, Duration.ofSeconds(5), Duration.ofSeconds(30), null, HEAP);
  }

  /** Whether state lives on the heap ({@code hashmap}), where the job runs its own-state operators. */
  public boolean heapState() {
    return stateBackend.equals(HEAP);
  }

  public JobOptions withParallelism(int p) {
    return new JobOptions(p, outOfOrderness, checkpointInterval, checkpointDir, stateBackend);
  }

  public JobOptions withStateBackend(String backend) {
    return new JobOptions(parallelism, outOfOrderness, checkpointInterval, checkpointDir, backend);
  }

  public JobOptions withCheckpoints(Duration interval, String dir) {
    return new JobOptions(parallelism, outOfOrderness, interval, dir, stateBackend);
  }

  /** {@code --key value} pairs (every key starts with {@code --}). */
  static Map<String, String> pairs(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --key value pairs, got '" + args[i] + "'");
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }

  /** The job options among {@code args}; the keys are documented in docs/carrier.md. */
  public static JobOptions parse(Map<String, String> a) {
    JobOptions d = defaults();
    return new JobOptions(Integer.parseInt(a.getOrDefault("parallelism", "0")),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("out-of-orderness-s", Long.toString(d.outOfOrderness.toSeconds())))),
        Duration.ofMillis(Long.parseLong(a.getOrDefault("checkpoint-interval-ms", "60000"))),
        a.get("checkpoint-dir"), a.getOrDefault("state-backend", d.stateBackend));
  }
}
