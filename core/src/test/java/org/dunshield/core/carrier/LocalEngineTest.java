package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalEngineTest {
  static List<Cdr> twoDays = new ArrayList<>();
  static List<Cdr> fiveDays = new ArrayList<>();

  @BeforeAll
  static void generate() throws java.io.IOException {
    new NetworkGenerator(10_000, 2, 7, NetworkGenerator.DEFAULT_START).generate(twoDays::add);
    new NetworkGenerator(10_000, 5, 3, NetworkGenerator.DEFAULT_START).generate(fiveDays::add);
  }

  /**
   * Call by call through both sides, as the Flink job's two keyed operators do (the callee side's
   * enriched call carries a copy of the contacts): the engine's batches must not change a finding or
   * the order of findings. Two days: shorter than the idle time, so the engine's sweeps drop nothing
   * this reference would keep.
   */
  static List<String> reference(List<Cdr> calls) {
    CarrierSettings settings = CarrierSettings.defaults();
    CalleeLogic calleeLogic = new CalleeLogic(settings);
    CallerLogic callerLogic = new CallerLogic(settings, KnownNumbers.none());
    Map<Long, CalleeState> callees = new HashMap<>();
    Map<Long, CallerState> callers = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (Cdr c : calls) {
      EnrichedCall e = calleeLogic.onCall(callees.computeIfAbsent(c.callee(), k -> new CalleeState()), c,
          a -> out.add(a.toJson()));
      NumberFlag flag = callerLogic.onCall(callers.computeIfAbsent(c.caller(), k -> new CallerState()), e);
      if (flag != null) {
        out.add(flag.toJson());
      }
    }
    return out;
  }

  static List<String> run(List<Cdr> calls, int threads, int flushEvery) {
    return run(calls, threads, flushEvery, 0);
  }

  static List<String> run(List<Cdr> calls, int threads, int flushEvery, int reassignEvery) {
    List<String> out = new ArrayList<>();
    try (LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> out.add(f.toJson()), threads)) {
      engine.reassignEvery = reassignEvery;
      int i = 0;
      for (Cdr c : calls) {
        engine.accept(c);
        if (flushEvery > 0 && ++i % flushEvery == 0) {
          engine.flush();
        }
      }
      engine.flush();
      assertThat(engine.calls()).isEqualTo(calls.size());
      assertThat(engine.findings()).isEqualTo(out.size());
    }
    return out;
  }

  @Test
  void bothThreadCountsMakeTheFindingsOfCallByCallDetectionInTheSameOrder() {
    List<String> expected = reference(twoDays);
    assertThat(expected).anyMatch(s -> s.startsWith("{\"type\":\"attack\""))
        .anyMatch(s -> s.startsWith("{\"type\":\"number\""));
    assertThat(run(twoDays, 1, 0)).containsExactlyElementsOf(expected);
    assertThat(run(twoDays, 2, 0)).containsExactlyElementsOf(expected);
  }

  @Test
  void twoThreadsMakeTheFindingsOfOneAcrossSweepsAndFlushes() {
    List<String> one = run(fiveDays, 1, 0);
    assertThat(one).isNotEmpty();
    assertThat(run(fiveDays, 2, 0)).containsExactlyElementsOf(one);
    assertThat(run(fiveDays, 2, 100_003)).containsExactlyElementsOf(one);
    assertThat(run(fiveDays, 1, 777)).containsExactlyElementsOf(one);
    // the caller map's shards changing threads every few batches (none, some, all), across the daily sweeps
    assertThat(run(fiveDays, 2, 0, 1)).containsExactlyElementsOf(one);
    assertThat(run(fiveDays, 2, 50_000, 3)).containsExactlyElementsOf(one);
  }

  /** The numbers with state after every {@code every} records (flushed there): what the sweeps left. */
  static List<Long> stateSizes(List<Cdr> calls, int threads, int every, int reassignEvery) {
    List<Long> sizes = new ArrayList<>();
    try (LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> {}, threads)) {
      engine.reassignEvery = reassignEvery;
      int i = 0;
      for (Cdr c : calls) {
        engine.accept(c);
        if (++i % every == 0) {
          engine.flush();
          sizes.add(engine.numbersWithState());
        }
      }
    }
    return sizes;
  }

  @Test
  void theWorkerSweepsTheIdleCallersWhereOneThreadWould() {
    List<Long> one = stateSizes(fiveDays, 1, 20_000, 0);
    // the sweeps of days 4 and 5 drop numbers idle for 3 days: the count falls somewhere
    assertThat(one).isNotEqualTo(one.stream().sorted().toList());
    assertThat(stateSizes(fiveDays, 2, 20_000, 0)).containsExactlyElementsOf(one);
    assertThat(stateSizes(fiveDays, 2, 20_000, 2)).containsExactlyElementsOf(one);
  }

  @Test
  void aFailingSinkOnTheWorkerFailsTheFeeder() {
    LocalEngine engine = new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> {
      throw new UncheckedIOException(new java.io.IOException("disk full"));
    }, 2);
    assertThatThrownBy(() -> {
      twoDays.forEach(engine);
      engine.flush();
    }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    engine.close();
  }

  @Test
  void refusesOtherThreadCounts() {
    assertThatThrownBy(() -> new LocalEngine(CarrierSettings.defaults(), KnownNumbers.none(), f -> {}, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
