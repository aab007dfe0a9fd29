package org.dunshield.bench;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleMatch;
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
 * Screening throughput on one thread from normalised numbers, with the load: 1,000,000 exact
 * blocked numbers, 10,000 contacts, 1,000 prefix and wildcard rules and 50 regex rules (see
 * {@link ScreeningFixture} for the data and the caller mix). One operation is one decision about the
 * next caller of a rotating sample of {@value ScreeningFixture#SAMPLE}.
 *
 * <ul>
 *   <li>{@code screenIndexed}: the whole {@link Screener} with {@link RuleBook#indexed}, the
 *       production setup. Target: at least 1,000,000 operations per second.
 *   <li>{@code screenLinear}: the same with {@link RuleBook#linear}, every rule tried in precedence
 *       order: the naive baseline the indexed book must beat twentyfold. Slow (tens of milliseconds
 *       a decision), so a few seconds of measurement are plenty.
 *   <li>{@code matchIndexed} and {@code matchLinear}: the rule book's {@code match} alone.
 * </ul>
 *
 * Sizes are parameters ({@code -p exactRules=100000}) for quicker exploratory runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ScreeningBenchmark {

  /** The generated load, shared by both rule books. Read-only while measured. */
  @State(Scope.Benchmark)
  public static class Load {
    @Param("1000000")
    public int exactRules;

    @Param("10000")
    public int contacts;

    @Param("1000")
    public int patternRules;

    @Param("50")
    public int regexRules;

    ScreeningFixture fixture;

    @Setup
    public void generate() {
      long start = System.nanoTime();
      fixture = ScreeningFixture.generate(new ScreeningFixture.Sizes(exactRules, contacts, patternRules, regexRules));
      System.out.printf("%n[load] %s, generated in %.1f s%n", fixture.describe(), (System.nanoTime() - start) / 1e9);
    }
  }

  /** One compiled rule book with its screening context; made from {@link Load} for each benchmark. */
  public abstract static class Engine {
    final Screener screener = Screener.standard();
    ScreeningContext context;
    PhoneNumber[] sample;
    ZoneId zone;

    void build(Load load, boolean indexed) {
      long start = System.nanoTime();
      ScreeningFixture f = load.fixture;
      RuleBook book = indexed ? RuleBook.indexed(f.rules, f.numbers) : RuleBook.linear(f.rules, f.numbers);
      double seconds = (System.nanoTime() - start) / 1e9;
      context = new ScreeningContext(Settings.defaults(), book, ContactBook.of(f.contacts), new InMemoryHistory());
      sample = f.sample;
      zone = context.settings().timezone();
      Map<String, Integer> outcomes = new TreeMap<>();
      for (PhoneNumber n : sample) {
        Verdict v = screen(n);
        outcomes.merge(v.check() + "/" + v.action().code(), 1, Integer::sum);
      }
      System.out.printf("[%s] %d rules compiled in %.1f s; sample outcomes %s%n",
          indexed ? "indexed" : "linear", book.size(), seconds, outcomes);
    }

    Verdict screen(PhoneNumber number) {
      return screener.screen(Incoming.call(ScreeningFixture.AT, number, Presentation.ALLOWED), context);
    }

    RuleMatch match(PhoneNumber number) {
      return context.rules().match(number, Channel.CALL, ScreeningFixture.AT, zone);
    }
  }

  /** The production rule book. */
  @State(Scope.Benchmark)
  public static class Indexed extends Engine {
    @Setup
    public void setUp(Load load) {
      build(load, true);
    }
  }

  /** The naive rule book. */
  @State(Scope.Benchmark)
  public static class Linear extends Engine {
    @Setup
    public void setUp(Load load) {
      build(load, false);
    }
  }

  /** Which caller is next; one per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    PhoneNumber next(PhoneNumber[] sample) {
      return sample[next++ & (sample.length - 1)];
    }
  }

  @Benchmark
  public Verdict screenIndexed(Indexed engine, Cursor cursor) {
    return engine.screen(cursor.next(engine.sample));
  }

  @Benchmark
  public Verdict screenLinear(Linear engine, Cursor cursor) {
    return engine.screen(cursor.next(engine.sample));
  }

  @Benchmark
  public RuleMatch matchIndexed(Indexed engine, Cursor cursor) {
    return engine.match(cursor.next(engine.sample));
  }

  @Benchmark
  public RuleMatch matchLinear(Linear engine, Cursor cursor) {
    return engine.match(cursor.next(engine.sample));
  }

  /** Runs only this class's benchmarks; further JMH options may follow. */
  public static void main(String[] args) throws Exception {
    Jmh.run(ScreeningBenchmark.class, args);
  }
}
