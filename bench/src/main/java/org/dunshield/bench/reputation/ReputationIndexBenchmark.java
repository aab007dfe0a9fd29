package org.dunshield.bench.reputation;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.offline.ReputationIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lookups in the offline reputation index holding {@code numbers} generated numbers (default
 * 100,000,000), on one thread. One operation is one lookup of an independent, random number.
 *
 * <ul>
 *   <li>{@code labelMixed}: half the numbers asked are in the index, half are not (the usual case
 *       for screening: most callers are unknown). Target: at least 5,000,000 a second.
 *   <li>{@code labelHits}: every number asked is in the index.
 *   <li>{@code lookupReputation}: the whole {@link ReputationIndex#lookup} a screening check makes
 *       (own label, then blocks, building a {@link Reputation}).
 * </ul>
 *
 * The setup prints the build time and the heap the index holds. Run:
 * {@code java -Xmx3g -jar bench/target/benchmarks.jar ReputationIndexBenchmark} (the fork gets -Xmx3g).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseTransparentHugePages"})
public class ReputationIndexBenchmark {
  static final int BATCH = 1_024;
  static final int QUERIES = 1 << 22;

  /** The index and the numbers asked, built once per fork. */
  @State(Scope.Benchmark)
  public static class Loaded {
    @Param("100000000")
    public long numbers;

    ReputationIndex index;
    long[] hits = new long[QUERIES];
    long[] mixed = new long[QUERIES];
    PhoneNumber[] callers = new PhoneNumber[1 << 18];

    @Setup(Level.Trial)
    public void build() {
      long before = GeneratedNumbers.heapUsed();
      long start = System.nanoTime();
      ReputationIndex.Builder builder = ReputationIndex.builder(numbers, 1);
      long every = Math.max(1, numbers / QUERIES);
      int[] sampled = {0};
      GeneratedNumbers.ascending(numbers, 42, (digits, label) -> {
        builder.number(digits, label);
        if (sampled[0] < QUERIES && (digits % every == 0 || numbers <= QUERIES)) {
          hits[sampled[0]++] = digits;
        }
      });
      index = builder.build(0.6);
      double seconds = (System.nanoTime() - start) / 1e9;
      SplittableRandom random = new SplittableRandom(7);
      int n = Math.max(1, sampled[0]);
      for (int i = 0; i < QUERIES; i++) {
        long present = hits[random.nextInt(n)];
        hits[i] = present;
        mixed[i] = random.nextBoolean() ? present
            : GeneratedNumbers.FIRST + random.nextLong(GeneratedNumbers.LAST - GeneratedNumbers.FIRST);
      }
      for (int i = 0; i < callers.length; i++) {
        callers[i] = PhoneNumber.of("+" + mixed[i], NumberKind.MOBILE);
      }
      long held = GeneratedNumbers.heapUsed() - before;
      System.out.printf("%n[index] %,d numbers built in %.1f s; tables %,d bytes (%.2f bytes/number);"
              + " heap held by the benchmark state %,d bytes (%.2f bytes/number incl. %,d query bytes)%n",
          index.size(), seconds, index.footprintBytes(), (double) index.footprintBytes() / index.size(), held,
          (double) held / index.size(), (long) QUERIES * 16 + (long) callers.length * 100);
    }
  }

  /** Where this thread is in the query arrays. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int labelMixed(Loaded s, Cursor c) {
    int sum = 0;
    int i = c.next;
    for (int k = 0; k < BATCH; k++) {
      sum += s.index.label(s.mixed[(i + k) & (QUERIES - 1)]);
    }
    c.next = i + BATCH;
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int labelHits(Loaded s, Cursor c) {
    int sum = 0;
    int i = c.next;
    for (int k = 0; k < BATCH; k++) {
      sum += s.index.label(s.hits[(i + k) & (QUERIES - 1)]);
    }
    c.next = i + BATCH;
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lookupReputation(Loaded s, Cursor c, Blackhole bh) {
    Instant now = Instant.EPOCH;
    int i = c.next;
    for (int k = 0; k < BATCH; k++) {
      bh.consume(s.index.lookup(s.callers[(i + k) & (s.callers.length - 1)], now));
    }
    c.next = i + BATCH;
  }

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(concat(args, "^" + ReputationIndexBenchmark.class.getName().replace(".", "\\.") + "\\."));
  }

  static String[] concat(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }
}
