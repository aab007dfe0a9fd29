package org.dunshield.bench;

import java.util.concurrent.TimeUnit;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.settings.Settings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions from raw input strings, as phones and people write numbers ({@code 138 0013 8000},
 * {@code +86 171-8888-0001}, {@code 0086...}, {@code 010-62345678}, {@code (0755) 8888 1234},
 * {@code 95588}): {@link NumberParser#parse} and then the whole screener over the load.
 * The callers are those of {@link ScreeningBenchmark}, each written in one of these shapes.
 *
 * <ul>
 *   <li>{@code parseAndScreen}: normalisation included. Target: at least 300,000 per second.
 *   <li>{@code parse}: the parser alone, fast path for common mobile shapes;
 *       {@code parseSlow}: libphonenumber's general path for every input, the baseline of the
 *       fast path's ratio. Landlines and service numbers take the general path in both.
 * </ul>
 *
 * One operation is one raw string of a rotating sample of {@value ScreeningFixture#SAMPLE}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class EndToEndBenchmark {

  /** The raw sample with its own parser, for the parser-only benchmarks (no rules needed). */
  @State(Scope.Benchmark)
  public static class Raw {
    NumberParser numbers;
    String[] raw;

    @Setup
    public void generate() {
      // the sample does not depend on the rule count, so a small load gives the same strings quickly
      ScreeningFixture f = ScreeningFixture.generate(new ScreeningFixture.Sizes(1_000, 10_000, 1_000, 50));
      numbers = NumberParser.forRegion("CN");
      raw = f.raw;
    }
  }

  /** The load with the production rule book, and the raw sample. Read-only while measured. */
  @State(Scope.Benchmark)
  public static class Engine {
    @Param("1000000")
    public int exactRules;

    final Screener screener = Screener.standard();
    NumberParser numbers;
    ScreeningContext context;
    String[] raw;

    @Setup
    public void build() {
      long start = System.nanoTime();
      ScreeningFixture f = ScreeningFixture.generate(new ScreeningFixture.Sizes(exactRules, 10_000, 1_000, 50));
      numbers = f.numbers;
      raw = f.raw;
      context = new ScreeningContext(Settings.defaults(), RuleBook.indexed(f.rules, numbers),
          ContactBook.of(f.contacts), new InMemoryHistory());
      System.out.printf("%n[load] %s, ready in %.1f s%n", f.describe(), (System.nanoTime() - start) / 1e9);
    }
  }

  /** Which raw string is next; one per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    String next(String[] raw) {
      return raw[next++ & (raw.length - 1)];
    }
  }

  @Benchmark
  public Verdict parseAndScreen(Engine engine, Cursor cursor) {
    PhoneNumber number = engine.numbers.parse(cursor.next(engine.raw));
    return engine.screener.screen(Incoming.call(ScreeningFixture.AT, number, Presentation.ALLOWED), engine.context);
  }

  @Benchmark
  public PhoneNumber parse(Raw raw, Cursor cursor) {
    return raw.numbers.parse(cursor.next(raw.raw));
  }

  @Benchmark
  public PhoneNumber parseSlow(Raw raw, Cursor cursor) {
    return raw.numbers.parseSlow(cursor.next(raw.raw));
  }

  /** Runs only this class's benchmarks; further JMH options may follow. */
  public static void main(String[] args) throws Exception {
    Jmh.run(EndToEndBenchmark.class, args);
  }
}
