package org.dunshield.stream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyGroupStatePartitionStreamProvider;
import org.apache.flink.runtime.state.KeyGroupsList;
import org.apache.flink.runtime.state.KeyedStateCheckpointOutputStream;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.LongMap;

/**
 * A keyed operator that keeps one state per number in its own {@link LongMap} instead of Flink's
 * keyed state, for the heap state backend ({@code hashmap}). Measured on 1M subscribers, Flink's
 * heap state table (a hash map of boxed keys with copy-on-write versions for asynchronous
 * snapshots) was a quarter of the job's time, its cleanup timers (a hash set and a heap per key
 * group) another sixth; here a lookup is a probe in two arrays and idle state goes by a sweep.
 *
 * <p><b>State.</b> Checkpoints and savepoints hold it as raw keyed state, one section per key group
 * (a count, then number and state pairs, written by the state's {@link TypeSerializer}), so a job
 * restored at another parallelism gets each number's state where its records now go. The snapshot
 * is written synchronously, on the task thread, between records: the state is changed in place,
 * there is no consistent copy to write later.
 *
 * <p><b>Cleanup.</b> A state is dropped once the watermark reaches {@link Cleanup#at}
 * of its last call — the same day-granular point at which the keyed functions' timers clear it — by
 * a sweep of the map each time the watermark enters a new day.
 *
 * <p>Records reach the operator already keyed by number ({@code keyBy}); it reads the number from
 * the record itself and sets no key context, since it uses no Flink keyed state.
 */
abstract class NumberStateOperator<I, O, S> extends AbstractStreamOperator<O> implements OneInputStreamOperator<I, O> {
  private static final long serialVersionUID = 1L;
  private static final int BUFFER = 1 << 16;

  final CarrierSettings settings;
  private final TypeSerializer<S> serializer;
  private transient LongMap<S> states;
  private transient Supplier<S> fresh;
  private transient long nextSweep;

  NumberStateOperator(CarrierSettings settings, TypeSerializer<S> serializer) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  /** The number whose state {@code record} changes. */
  abstract long key(I record);

  abstract long lastSeen(S state);

  /** Runs the logic for {@code record} on {@code state}, emitting through {@link #output}. */
  abstract void process(S state, StreamRecord<I> record);

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    states = new LongMap<>(1 << 16);
    fresh = serializer::createInstance; // a new, empty state
    nextSweep = Long.MIN_VALUE;
    if (!context.isRestored()) {
      return;
    }
    for (KeyGroupStatePartitionStreamProvider section : context.getRawKeyedStateInputs()) {
      try (InputStream in = section.getStream()) {
        DataInputViewStreamWrapper view = new DataInputViewStreamWrapper(new BufferedInputStream(in, BUFFER));
        int n = view.readInt();
        if (n < 0) {
          throw new IOException("corrupt state of " + getOperatorName() + ": " + n + " numbers in key group "
              + section.getKeyGroupId());
        }
        for (int i = 0; i < n; i++) {
          long number = view.readLong();
          states.put(number, serializer.deserialize(view));
        }
      }
    }
  }

  @Override
  protected boolean isUsingCustomRawKeyedState() {
    return true;
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    KeyedStateCheckpointOutputStream out = context.getRawKeyedOperatorStateOutput();
    KeyGroupsList groups = out.getKeyGroupList();
    int maxParallelism = getRuntimeContext().getTaskInfo().getMaxNumberOfParallelSubtasks();
    int first = groups.getKeyGroupId(0);
    int count = groups.getNumberOfKeyGroups();
    // numbers and their states in key-group order, a counting sort in two passes over the map (which
    // visits its entries in the same order both times): the writing below then needs no lookup
    int[] groupOf = new int[states.size()]; // the i-th entry's group, counted from first
    int[] at = new int[count + 1];
    int[] i = {0};
    states.forEach((number, s) -> {
      int g = group(number, maxParallelism, groups) - first;
      groupOf[i[0]++] = g;
      at[g + 1]++;
    });
    for (int g = 0; g < count; g++) {
      at[g + 1] += at[g];
    }
    int[] starts = at.clone(); // starts[g] .. starts[g + 1]: group g's positions
    long[] numbers = new long[states.size()];
    Object[] sorted = new Object[states.size()];
    i[0] = 0;
    states.forEach((number, s) -> {
      int k = at[groupOf[i[0]++]]++;
      numbers[k] = number;
      sorted[k] = s;
    });
    // states are serialised into a plain byte array and written to the stream in large pieces: through
    // a DataOutputStream every writeInt was four synchronised single-byte writes
    DataOutputSerializer buffer = new DataOutputSerializer(BUFFER);
    for (int g = 0; g < count; g++) {
      drain(buffer, out); // the group's offset is the stream's position: nothing may be held back
      out.startNewKeyGroup(first + g);
      buffer.writeInt(starts[g + 1] - starts[g]);
      for (int k = starts[g]; k < starts[g + 1]; k++) {
        buffer.writeLong(numbers[k]);
        @SuppressWarnings("unchecked")
        S state = (S) sorted[k];
        serializer.serialize(state, buffer);
        if (buffer.length() >= BUFFER) {
          drain(buffer, out);
        }
      }
    }
    drain(buffer, out);
  }

  /** {@code number}'s key group, which must be one of this subtask's {@code groups}. */
  private int group(long number, int maxParallelism, KeyGroupsList groups) {
    int g = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(Long.hashCode(number), maxParallelism);
    if (!groups.contains(g)) {
      throw new IllegalStateException(getOperatorName() + " holds number " + number + " of key group " + g
          + ", outside its range " + groups);
    }
    return g;
  }

  private static void drain(DataOutputSerializer buffer, KeyedStateCheckpointOutputStream out) throws IOException {
    out.write(buffer.getSharedBuffer(), 0, buffer.length());
    buffer.clear();
  }

  @Override
  public void open() throws Exception {
    super.open();
    getMetricGroup().gauge("numbers", () -> states.size());
  }

  @Override
  public boolean hasKeyContext1() {
    return false; // no Flink keyed state here: the record's number is the key (see the class comment)
  }

  @Override
  public void processElement(StreamRecord<I> record) throws Exception {
    process(states.computeIfAbsent(key(record.getValue()), fresh), record);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    long w = mark.getTimestamp();
    if (w >= nextSweep) {
      states.removeIf(s -> Cleanup.at(lastSeen(s), settings) <= w);
      nextSweep = Cleanup.after(w);
    }
    super.processWatermark(mark);
  }

  /** {@code target} holding {@code value} with {@code source}'s timestamp, if it has one. */
  static <T> StreamRecord<T> stamped(StreamRecord<T> target, T value, StreamRecord<?> source) {
    if (source.hasTimestamp()) {
      return target.replace(value, source.getTimestamp());
    }
    target.eraseTimestamp();
    return target.replace(value);
  }

  /** How many numbers have state (for tests and metrics). */
  int size() {
    return states.size();
  }
}
