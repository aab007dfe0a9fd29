package org.dunshield.bench.carrier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.CdrFiles;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.LocalEngine;
import org.dunshield.core.carrier.NetworkGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Local carrier engine throughput, in CDRs per second (one operation is one CDR; one
 * invocation is the whole batch). The batch is the first {@value #CDRS} records (in time order) of a
 * generated network of 100,000 subscribers over three days, seed 1, made once in the setup, as
 * {@link Cdr} objects and as the CSV text {@code cdr generate} writes.
 *
 * <ul>
 *   <li>{@code iterate} (baseline): reads every field of every record, no detection.
 *   <li>{@code engine}: a fresh {@link LocalEngine} (default settings, no allowlist, two threads: the
 *       caller side on a worker, as {@code cdr analyze} runs it) over the records: both detection
 *       steps, state lookups, findings counted; {@code engineOneThread}: the same on one thread.
 *   <li>{@code parse} (baseline): parses the CSV text into records ({@link CdrFiles#read}), no detection.
 *   <li>{@code parseAndEngine}: parse and detect, i.e. {@code cdr analyze --engine local} without the
 *       disk and the findings file (parsing and the callee side on the benchmark thread, the caller
 *       side on the engine's worker); {@code parseAndEngineOneThread}: all on one thread.
 * </ul>
 *
 * Run: {@code java -jar bench/target/benchmarks.jar 'org.dunshield.bench.carrier.CarrierBenchmark'}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CarrierBenchmark {
  /** Records per invocation: a fixed count, so that one operation is one CDR. */
  static final int CDRS = 1_500_000;

  @State(Scope.Benchmark)
  public static class Network {
    Cdr[] cdrs;
    byte[] csv;

    @Setup(Level.Trial)
    public void generate() throws IOException {
      List<Cdr> all = new ArrayList<>(1_600_000);
      new NetworkGenerator(100_000, 3, 1, NetworkGenerator.DEFAULT_START).generate(all::add);
      if (all.size() < CDRS) {
        throw new IllegalStateException("the network made only " + all.size() + " records");
      }
      cdrs = all.subList(0, CDRS).toArray(new Cdr[0]);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(CDRS * 64);
      try (CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(bytes, false)) {
        for (Cdr c : cdrs) {
          w.write(c);
        }
      }
      csv = bytes.toByteArray();
      long findings = run(cdrs);
      System.out.println("\n" + CDRS + " CDRs, " + csv.length + " bytes of CSV, " + findings + " findings");
    }
  }

  static long run(Cdr[] cdrs) {
    return run(cdrs, 2);
  }

  static long run(Cdr[] cdrs, int threads) {
    long[] findings = new long[1];
    try (LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> findings[0]++, threads)) {
      for (Cdr c : cdrs) {
        engine.accept(c);
      }
      engine.flush();
    }
    return findings[0];
  }

  static long parseAndRun(byte[] csv, int threads) {
    long[] findings = new long[1];
    try (LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> findings[0]++, threads)) {
      CdrFiles.read("batch.csv", new ByteArrayInputStream(csv), engine);
      engine.flush();
    }
    return findings[0];
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long iterate(Network n) {
    long h = 0;
    for (Cdr c : n.cdrs) {
      h += c.caller() ^ c.callee() ^ c.start() ^ c.ringSeconds() ^ c.talkSeconds()
          ^ (c.answered() ? 1 : 0) ^ c.disposition().ordinal() ^ c.cell().length();
    }
    return h;
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long engine(Network n) {
    return run(n.cdrs, 2);
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long engineOneThread(Network n) {
    return run(n.cdrs, 1);
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long parse(Network n, Blackhole bh) {
    return CdrFiles.read("batch.csv", new ByteArrayInputStream(n.csv), bh::consume);
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long parseAndEngine(Network n) {
    return parseAndRun(n.csv, 2);
  }

  @Benchmark
  @OperationsPerInvocation(CDRS)
  public long parseAndEngineOneThread(Network n) {
    return parseAndRun(n.csv, 1);
  }
}
