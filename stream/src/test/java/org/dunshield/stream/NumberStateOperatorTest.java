package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dunshield.stream.Calls.T0;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NetworkGenerator;
import org.dunshield.core.carrier.NumberFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heap operators ({@link CalleeOperator}, {@link CallerOperator}) against the keyed functions
 * they replace on the heap backend, on five days of a generated network with hourly watermarks (so
 * idle state is swept as it goes); and their own state through snapshots, restores and rescaling.
 */
class NumberStateOperatorTest {
  private static final int MAX_PARALLELISM = 128;
  private static final long HOUR = 3_600_000L;
  private static final CarrierSettings SETTINGS = CarrierSettings.defaults();
  private static final KeySelector<Cdr, Long> BY_CALLEE = Cdr::callee;
  private static final KeySelector<EnrichedCall, Long> BY_CALLER = e -> e.call().caller();
  /** Calls and watermarks, in order (a watermark is a {@code Long}). */
  private static final List<Object> CALLS = new ArrayList<>();
  private static final List<Object> ENRICHED = new ArrayList<>();
  /** What {@link CalleeFunction} made of {@link #CALLS}, and how many states it kept. */
  private static List<String> calleeFunctionRecords;
  private static int calleeFunctionStates;

  @BeforeAll
  static void network() throws Exception {
    List<Cdr> all = new ArrayList<>();
    new NetworkGenerator(10_000, 5, 7, NetworkGenerator.DEFAULT_START).generate(all::add);
    long nextWatermark = all.get(0).start() + HOUR;
    for (Cdr c : all) {
      if (c.start() >= nextWatermark) {
        CALLS.add(c.start() - 5_000L);
        nextWatermark += HOUR;
      }
      CALLS.add(c);
    }
    var callee = run(() -> new KeyedProcessOperator<>(new CalleeFunction(SETTINGS)), BY_CALLEE, CALLS);
    // the enriched calls, with the watermarks where they were
    var out = callee.extractOutputStreamRecords().iterator();
    for (Object o : CALLS) {
      ENRICHED.add(o instanceof Long w ? w : out.next().getValue());
    }
    calleeFunctionRecords = records(callee);
    calleeFunctionStates = callee.numKeyedStateEntries();
    callee.close();
  }

  private static <I, O> KeyedOneInputStreamOperatorTestHarness<Long, I, O> harness(
      OneInputStreamOperator<I, O> operator, KeySelector<I, Long> key, int parallelism, int subtask) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<Long, I, O>(operator, key, Types.LONG, MAX_PARALLELISM,
        parallelism, subtask);
    h.setCheckpointStorage(new JobManagerCheckpointStorage(64 << 20)); // snapshots kept in memory, up to 64 MB
    return h;
  }

  private static <I, O> KeyedOneInputStreamOperatorTestHarness<Long, I, O> run(
      Supplier<OneInputStreamOperator<I, O>> operator, KeySelector<I, Long> key, List<Object> input) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<Long, I, O> h = harness(operator.get(), key, 1, 0);
    h.open();
    feed(h, input, k -> true, key);
    return h;
  }

  @SuppressWarnings("unchecked")
  private static <I> void feed(KeyedOneInputStreamOperatorTestHarness<Long, I, ?> h, List<Object> input,
      LongPredicate mine, KeySelector<I, Long> key) throws Exception {
    for (Object o : input) {
      if (o instanceof Long w) {
        h.processWatermark(w);
      } else {
        I record = (I) o;
        if (mine.test(key.getKey(record))) {
          h.processElement(record, o instanceof Cdr c ? c.start() : ((EnrichedCall) o).call().start());
        }
      }
    }
  }

  private static String text(StreamRecord<?> r) {
    Object v = r.getValue();
    String s = v instanceof EnrichedCall e
        ? e.call() + " known=" + e.known() + " contacts=" + Arrays.toString(e.calleeContacts())
        : v instanceof NumberFlag f ? f.toJson() : v instanceof AttackAlert a ? a.toJson() : String.valueOf(v);
    return r.getTimestamp() + " " + s;
  }

  private static List<String> records(AbstractStreamOperatorTestHarness<?> h) {
    List<String> out = new ArrayList<>();
    h.extractOutputStreamRecords().forEach(r -> out.add(text(r)));
    if (h.getSideOutput(CalleeFunction.ALERTS) != null) {
      h.getSideOutput(CalleeFunction.ALERTS).forEach(r -> out.add("alert " + text(r)));
    }
    return out;
  }

  /** The records as a multiset that compares fast (AssertJ's any-order comparison is quadratic). */
  private static List<String> sorted(List<String> records) {
    List<String> copy = new ArrayList<>(records);
    Collections.sort(copy);
    return copy;
  }

  @Test
  void theCalleeOperatorEnrichesAlertsAndForgetsLikeTheKeyedFunction() throws Exception {
    CalleeOperator op = new CalleeOperator(SETTINGS);
    var operator = run(() -> op, BY_CALLEE, CALLS);

    assertThat(records(operator)).hasSizeGreaterThan(100_000).isEqualTo(calleeFunctionRecords);
    assertThat(operator.getSideOutput(CalleeFunction.ALERTS)).isNotEmpty();
    assertThat(op.size()).isPositive().isEqualTo(calleeFunctionStates);
    operator.close();
  }

  @Test
  void theCallerOperatorFlagsAndForgetsLikeTheKeyedFunction() throws Exception {
    var function = run(() -> new KeyedProcessOperator<>(new CallerFunction(SETTINGS, KnownNumbers.none())),
        BY_CALLER, ENRICHED);
    CallerOperator op = new CallerOperator(SETTINGS, KnownNumbers.none());
    var operator = run(() -> op, BY_CALLER, ENRICHED);

    assertThat(records(operator)).isNotEmpty().isEqualTo(records(function));
    assertThat(op.size()).isPositive().isEqualTo(function.numKeyedStateEntries());
    function.close();
    operator.close();
  }

  @Test
  void aRestoredCalleeOperatorCarriesOnAsIfNeverStopped() throws Exception {
    restoredCarriesOn(() -> new CalleeOperator(SETTINGS), BY_CALLEE, CALLS);
  }

  @Test
  void aRestoredCallerOperatorCarriesOnAsIfNeverStopped() throws Exception {
    restoredCarriesOn(() -> new CallerOperator(SETTINGS, KnownNumbers.none()), BY_CALLER, ENRICHED);
  }

  private static <I, O> void restoredCarriesOn(Supplier<OneInputStreamOperator<I, O>> make, KeySelector<I, Long> key,
      List<Object> input) throws Exception {
    var whole = run(make, key, input);
    int half = input.size() / 2;
    var before = run(make, key, input.subList(0, half));
    OperatorSubtaskState snapshot = before.snapshot(1, 1);
    before.close();

    var after = harness(make.get(), key, 1, 0);
    after.initializeState(snapshot);
    after.open();
    feed(after, input.subList(half, input.size()), k -> true, key);

    List<String> resumed = records(before);
    resumed.addAll(records(after));
    assertThat(sorted(resumed)).isEqualTo(sorted(records(whole)));
    assertThat(((NumberStateOperator<?, ?, ?>) after.getOperator()).size())
        .isEqualTo(((NumberStateOperator<?, ?, ?>) whole.getOperator()).size());
    whole.close();
    after.close();
  }

  @Test
  void restoredOnTwoSubtasksEachNumbersStateGoesWhereItsCallsNowGo() throws Exception {
    var whole = run(() -> new CalleeOperator(SETTINGS), BY_CALLEE, CALLS);
    int half = CALLS.size() / 2;
    var before = run(() -> new CalleeOperator(SETTINGS), BY_CALLEE, CALLS.subList(0, half));
    int held = ((NumberStateOperator<?, ?, ?>) before.getOperator()).size();
    OperatorSubtaskState snapshot = before.snapshot(1, 1);
    before.close();

    List<String> resumed = records(before);
    int restored = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      int me = subtask;
      var after = harness(new CalleeOperator(SETTINGS), BY_CALLEE, 2, subtask);
      after.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM, 1, 2,
          subtask));
      after.open();
      restored += ((NumberStateOperator<?, ?, ?>) after.getOperator()).size();
      feed(after, CALLS.subList(half, CALLS.size()),
          k -> KeyGroupRangeAssignment.assignKeyToParallelOperator(k, MAX_PARALLELISM, 2) == me, BY_CALLEE);
      resumed.addAll(records(after));
      after.close();
    }
    assertThat(restored).isPositive().isEqualTo(held);
    assertThat(sorted(resumed)).isEqualTo(sorted(records(whole)));
    whole.close();
  }

  @Test
  void idleStateIsSweptOnceTheWatermarkPassesItsDayAndALaterCallKeepsItAlive() throws Exception {
    long victim = 8613000000001L;
    long mother = 8613000000002L;
    long idle = SETTINGS.idle().toMillis();
    CalleeOperator op = new CalleeOperator(SETTINGS);
    var h = harness(op, BY_CALLEE, 1, 0);
    h.open();
    h.processElement(Calls.talked(mother, victim, T0, 300), T0);
    h.processElement(Calls.rang(8618800000000L, mother, T0 + 1_000L), T0 + 1_000L);
    assertThat(op.size()).isEqualTo(2);

    h.processWatermark(T0 + idle - HOUR);
    assertThat(op.size()).isEqualTo(2);
    h.processElement(Calls.talked(mother, victim, T0 + idle - 1_000L, 60), T0 + idle - 1_000L);
    h.processWatermark(T0 + idle + Cleanup.GRANULE);
    assertThat(op.size()).as("the victim was called again; the mother's state went").isEqualTo(1);

    h.processWatermark(Long.MAX_VALUE);
    assertThat(op.size()).isZero();
    h.close();
  }
}
