package org.dunshield.bench.reputation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dunshield.core.reputation.offline.ReputationIndex;
import org.dunshield.core.reputation.offline.SnapshotWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a snapshot of {@code numbers} generated numbers (default 100,000,000) into a fresh index
 * (target: under 60 s), and rebuilding an index from it while another thread keeps looking numbers
 * up (the lookups never miss a present number; the setup prints how many ran during the rebuild).
 * One operation is one whole load. The snapshot file is written to the temp directory in the setup
 * (about 3 bytes a number) and deleted afterwards.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ReputationSnapshotBenchmark}; the fork gets
 * -Xmx3g (a rebuild holds the old and the new table at once).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseTransparentHugePages"})
public class ReputationSnapshotBenchmark {
  /** The snapshot file. */
  @State(Scope.Benchmark)
  public static class Snapshot {
    @Param("100000000")
    public long numbers;

    Path file;
    ReputationIndex live;
    long probe;

    @Setup(Level.Trial)
    public void write() throws IOException {
      file = Files.createTempFile("dunshield-bench", ".dsnap");
      long start = System.nanoTime();
      long[] first = {0};
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        SnapshotWriter w = SnapshotWriter.snapshot(out, 1, numbers, 0);
        GeneratedNumbers.ascending(numbers, 42, (digits, label) -> {
          try {
            if (first[0] == 0) {
              first[0] = digits;
            }
            w.number(digits, label);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        w.finish();
      }
      probe = first[0];
      System.out.printf("%n[snapshot] %,d numbers written in %.1f s: %,d bytes (%.2f bytes/number)%n", numbers,
          (System.nanoTime() - start) / 1e9, Files.size(file), (double) Files.size(file) / numbers);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      live = null;
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  public long load(Snapshot s) throws IOException {
    s.live = null; // let the previous iteration's index go before building the next
    try (InputStream in = Files.newInputStream(s.file)) {
      ReputationIndex index = ReputationIndex.load(in, 0.6);
      s.live = index;
      return index.size();
    }
  }

  @Benchmark
  public long rebuildWhileLookingUp(Snapshot s) throws Exception {
    if (s.live == null) {
      try (InputStream in = Files.newInputStream(s.file)) {
        s.live = ReputationIndex.load(in, 0.6);
      }
    }
    ReputationIndex index = s.live;
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong lookups = new AtomicLong();
    AtomicLong misses = new AtomicLong();
    Thread reader = new Thread(() -> {
      long n = 0;
      long miss = 0;
      while (!done.get()) {
        if (index.label(s.probe) == 0) {
          miss++;
        }
        n++;
      }
      lookups.set(n);
      misses.set(miss);
    });
    reader.start();
    try (InputStream in = Files.newInputStream(s.file)) {
      index.rebuild(in);
    }
    done.set(true);
    reader.join();
    System.out.printf("%n[rebuild] %,d lookups ran during the rebuild, %d missed%n", lookups.get(), misses.get());
    return lookups.get();
  }
}
