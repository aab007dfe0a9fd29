package org.dunshield.bench.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.detect.BurstDetector;
import org.dunshield.core.detect.Burst;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.history.InMemoryHistory;
import org.dunshield.core.history.LiveHistory;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.screen.Incoming;
import org.dunshield.core.screen.Screener;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.screen.Verdict;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.settings.Settings;
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
 * Detector throughput on one thread.
 *
 * <ul>
 *   <li>{@code observe}: the streaming {@link BurstDetector} (call-bombing defaults) fed a stream over
 *       {@code callees} phones — 100,000 by default, all of them tracked: each is rung about every
 *       100 s of event time, inside the 12-minute idle limit — with 100 phones under attack. One
 *       operation is one event. Target: at least 1,000,000 events per second per thread. The teardown
 *       prints how many callees were tracked and the state's footprint.
 *   <li>{@code screenDuringAttack}: the whole engine with every detector, deciding about calls to one
 *       phone that is being bombed, the detectors' state rebuilt per call from the in-memory history
 *       (as a one-shot CLI process does from the store): the cost per decision of the history-derived
 *       checks, which grows with the calls in their window.
 *   <li>{@code screenDuringAttackLive}: the same calls through a {@link LiveHistory} (as {@code serve}
 *       and {@code sip} screen): the detectors' state is kept current call by call.
 * </ul>
 *
 * Run: {@code java -jar bench/target/benchmarks.jar 'org.dunshield.bench.detect.DetectorBenchmark'}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DetectorBenchmark {

  /** The streaming detector and its event stream. */
  @State(Scope.Thread)
  public static class Stream {
    @Param("100000")
    public int callees;

    @Param("4000000")
    public int events;

    BurstLoad load;
    BurstDetector detector;
    int next;
    long lap;

    @Setup(Level.Trial)
    public void generate() {
      load = BurstLoad.generate(events, callees);
      detector = new BurstDetector(Burst.callBombingDefaults(), callees);
      for (int i = 0; i < load.size; i++) {
        detector.observe(load.callees[i], load.callers[i], i);
      }
      lap = load.size;
    }

    @TearDown(Level.Trial)
    public void report() {
      System.out.printf("%n[detector] %,d callees tracked, state %,d bytes%n", detector.tracked(), detector.footprintBytes());
    }
  }

  @Benchmark
  public BurstDetector.Signal observe(Stream s) {
    int i = s.next;
    BurstDetector.Signal signal = s.detector.observe(s.load.callees[i], s.load.callers[i], s.lap + i);
    if (++i == s.load.size) {
      i = 0;
      s.lap += s.load.size;
    }
    s.next = i;
    return signal;
  }

  /** One bombed phone: the engine with every detector over an in-memory history. */
  @State(Scope.Thread)
  public static class Attack {
    Screener screener;
    ScreeningContext context;
    InMemoryHistory history;
    ScreeningContext liveContext;
    LiveHistory live;
    List<PhoneNumber> callers;
    Instant start;
    int next;

    @Setup(Level.Iteration)
    public void prepare() {
      NumberParser cn = NumberParser.forRegion("CN");
      screener = Screener.standard(Detectors.checks(DetectionSettings.defaults()));
      history = new InMemoryHistory();
      RuleBook rules = RuleBook.indexed(List.of(), cn);
      context = new ScreeningContext(Settings.defaults(), rules, ContactBook.empty(), history);
      live = new LiveHistory(new InMemoryHistory());
      liveContext = new ScreeningContext(Settings.defaults(), rules, ContactBook.empty(), live);
      callers = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        callers.add(PhoneNumber.of("+86130" + String.format("%08d", i * 7919), NumberKind.MOBILE));
      }
      start = Instant.parse("2026-10-12T12:00:00Z");
      next = 0;
    }

    /** The next call of the attack: 2 s after the previous one, from the next of the rotating numbers. */
    Incoming nextCall() {
      Incoming in = Incoming.call(start.plusMillis(2000L * next), callers.get(next % callers.size()), Presentation.ALLOWED);
      next++;
      return in;
    }
  }

  /** A call every 2 s (30 a minute) from rotating numbers: after the first few, every one is blocked. */
  @Benchmark
  public Verdict screenDuringAttack(Attack a) {
    Incoming in = a.nextCall();
    Verdict v = a.screener.screen(in, a.context);
    a.history.record(in.toEvent(), v);
    return v;
  }

  /** The same calls screened as a long-running server does: through a live history. */
  @Benchmark
  public Verdict screenDuringAttackLive(Attack a) {
    Incoming in = a.nextCall();
    Verdict v = a.screener.screen(in, a.liveContext);
    a.live.append(in.toEvent(), v, "bench");
    return v;
  }
}
