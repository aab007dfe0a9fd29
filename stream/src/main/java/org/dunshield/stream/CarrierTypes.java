package org.dunshield.stream;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.dunshield.core.carrier.CalleeState;
import org.dunshield.core.carrier.CallerState;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.Disposition;
import org.dunshield.core.carrier.EnrichedCall;

/**
 * Hand-written Flink types for what flows between the job's steps and what it keeps in state: the
 * records ({@link Cdr}, {@link EnrichedCall}) are immutable, so a copy is the same object, and are
 * written field by field (the disposition as one byte, {@code answered} derived from it); the states
 * are copied with array copies instead of the POJO serializer's reflective field walk (the heap state
 * backend copies an entry on its first write after each checkpoint) and written with only the used
 * part of their arrays. Each serializer has a snapshot class, so checkpoints and savepoints record
 * it; format changes need a new snapshot version.
 */
public final class CarrierTypes {
  private CarrierTypes() {}

  public static final TypeInformation<Cdr> CDR = new Info<>(Cdr.class, CdrSerializer.INSTANCE);
  public static final TypeInformation<EnrichedCall> ENRICHED_CALL =
      new Info<>(EnrichedCall.class, EnrichedCallSerializer.INSTANCE);
  public static final TypeInformation<CalleeState> CALLEE_STATE =
      new Info<>(CalleeState.class, CalleeStateSerializer.INSTANCE);
  public static final TypeInformation<CallerState> CALLER_STATE =
      new Info<>(CallerState.class, CallerStateSerializer.INSTANCE);

  /** The dispositions by their one-byte code in serialised records and state: append only. */
  private static final Disposition[] DISPOSITIONS = {Disposition.ANSWERED, Disposition.NO_ANSWER, Disposition.BUSY,
      Disposition.CALLER_CANCEL, Disposition.REJECTED, Disposition.FAILED};

  private static int code(Disposition d) {
    return switch (d) {
      case ANSWERED -> 0;
      case NO_ANSWER -> 1;
      case BUSY -> 2;
      case CALLER_CANCEL -> 3;
      case REJECTED -> 4;
      case FAILED -> 5;
    };
  }
  private static final long[] NO_CONTACTS = new long[0];

  /** A type given by one stateless serializer. */
  static final class Info<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    Info(Class<T> type, TypeSerializer<T> serializer) {
      this.type = type;
      this.serializer = serializer;
    }

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<T> getTypeClass() {
      return type;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
      return serializer;
    }

    @Override
    public String toString() {
      return "CarrierType<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Info<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
      return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
      return o instanceof Info<?>;
    }
  }

  static void writeCdr(Cdr c, DataOutputView out) throws IOException {
    out.writeLong(c.caller());
    out.writeLong(c.callee());
    out.writeLong(c.start());
    out.writeInt(c.ringSeconds());
    out.writeInt(c.talkSeconds());
    out.writeByte(code(c.disposition()));
    out.writeUTF(c.cell());
  }

  static Cdr readCdr(DataInputView in) throws IOException {
    long caller = in.readLong();
    long callee = in.readLong();
    long start = in.readLong();
    int ring = in.readInt();
    int talk = in.readInt();
    int code = in.readUnsignedByte();
    if (code >= DISPOSITIONS.length) {
      throw new IOException("unknown disposition code " + code + " in a serialised CDR");
    }
    Disposition d = DISPOSITIONS[code];
    String cell = in.readUTF();
    return new Cdr(caller, callee, start, ring, talk, d == Disposition.ANSWERED, d, cell.isEmpty() ? "" : cell);
  }

  /** What every serializer here shares: variable length, a copy between views goes through a record. */
  abstract static class RecordSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      serialize(deserialize(source), target);
    }
  }

  /** For immutable records: a copy is the record itself and nothing is reused. */
  abstract static class ImmutableSerializer<T> extends RecordSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public T copy(T from) {
      return from;
    }

    @Override
    public T copy(T from, T reuse) {
      return from;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }
  }

  /** For mutable states: a copy is deep, into a fresh instance unless one is given to reuse. */
  abstract static class MutableSerializer<T> extends RecordSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public T copy(T from) {
      return copy(from, createInstance());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
      return deserialize(createInstance(), source);
    }
  }

  /** {@link Cdr}: immutable, 37 bytes plus the cell. */
  public static final class CdrSerializer extends ImmutableSerializer<Cdr> {
    private static final long serialVersionUID = 1L;
    static final CdrSerializer INSTANCE = new CdrSerializer();
    private static final Cdr EMPTY = new Cdr(1, 1, 0, 0, 0, false, Disposition.NO_ANSWER, "");

    @Override
    public Cdr createInstance() {
      return EMPTY;
    }

    @Override
    public void serialize(Cdr record, DataOutputView target) throws IOException {
      writeCdr(record, target);
    }

    @Override
    public Cdr deserialize(DataInputView source) throws IOException {
      return readCdr(source);
    }

    @Override
    public TypeSerializerSnapshot<Cdr> snapshotConfiguration() {
      return new CdrSnapshot();
    }

    /** The snapshot of {@link CdrSerializer}. */
    public static final class CdrSnapshot extends SimpleTypeSerializerSnapshot<Cdr> {
      public CdrSnapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** {@link EnrichedCall}: immutable; the call, whether the callee knew the caller, the callee's contacts. */
  public static final class EnrichedCallSerializer extends ImmutableSerializer<EnrichedCall> {
    private static final long serialVersionUID = 1L;
    static final EnrichedCallSerializer INSTANCE = new EnrichedCallSerializer();

    @Override
    public EnrichedCall createInstance() {
      return new EnrichedCall(CdrSerializer.EMPTY, false, NO_CONTACTS);
    }

    @Override
    public void serialize(EnrichedCall record, DataOutputView target) throws IOException {
      writeCdr(record.call(), target);
      target.writeBoolean(record.known());
      long[] contacts = record.calleeContacts();
      target.writeByte(contacts.length);
      for (long c : contacts) {
        target.writeLong(c);
      }
    }

    @Override
    public EnrichedCall deserialize(DataInputView source) throws IOException {
      Cdr call = readCdr(source);
      boolean known = source.readBoolean();
      int n = source.readUnsignedByte();
      long[] contacts = n == 0 ? NO_CONTACTS : new long[n];
      for (int i = 0; i < n; i++) {
        contacts[i] = source.readLong();
      }
      return new EnrichedCall(call, known, contacts);
    }

    @Override
    public TypeSerializerSnapshot<EnrichedCall> snapshotConfiguration() {
      return new EnrichedCallSnapshot();
    }

    /** The snapshot of {@link EnrichedCallSerializer}. */
    public static final class EnrichedCallSnapshot extends SimpleTypeSerializerSnapshot<EnrichedCall> {
      public EnrichedCallSnapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /**
   * Scratch space for the arrays below, per thread: a state's arrays are written and read
   * {@value #SCRATCH_BYTES} bytes per call instead of one call per number (the checkpoint stream's
   * writes are not cheap: per number they were an eighth of the Flink job's CPU on 1M subscribers).
   * The bytes are the same as {@code writeLong}/{@code writeInt} one by one, so the format is unchanged.
   */
  private static final int SCRATCH_BYTES = 4096;
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /**
   * An array as its length (-1 for null), the count written ({@code min(used, length)}), then that
   * many numbers; the rest read as zeros.
   */
  static void writeLongs(long[] a, int used, DataOutputView out) throws IOException {
    if (a == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(a.length);
    int n = Math.min(used, a.length);
    out.writeInt(n);
    byte[] b = SCRATCH.get();
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, SCRATCH_BYTES / Long.BYTES);
      for (int j = 0; j < k; j++) {
        LONG.set(b, j * Long.BYTES, a[i + j]);
      }
      out.write(b, 0, k * Long.BYTES);
      i += k;
    }
  }

  static long[] readLongs(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    long[] a = new long[length];
    int n = in.readInt();
    if (n < 0 || n > length) {
      throw new IOException("corrupt state: " + n + " numbers written for an array of " + length);
    }
    byte[] b = SCRATCH.get();
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, SCRATCH_BYTES / Long.BYTES);
      in.readFully(b, 0, k * Long.BYTES);
      for (int j = 0; j < k; j++) {
        a[i + j] = (long) LONG.get(b, j * Long.BYTES);
      }
      i += k;
    }
    return a;
  }

  /** As {@link #writeLongs} for ints. */
  static void writeInts(int[] a, int used, DataOutputView out) throws IOException {
    if (a == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(a.length);
    int n = Math.min(used, a.length);
    out.writeInt(n);
    byte[] b = SCRATCH.get();
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, SCRATCH_BYTES / Integer.BYTES);
      for (int j = 0; j < k; j++) {
        INT.set(b, j * Integer.BYTES, a[i + j]);
      }
      out.write(b, 0, k * Integer.BYTES);
      i += k;
    }
  }

  static int[] readInts(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    int[] a = new int[length];
    int n = in.readInt();
    if (n < 0 || n > length) {
      throw new IOException("corrupt state: " + n + " numbers written for an array of " + length);
    }
    byte[] b = SCRATCH.get();
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, SCRATCH_BYTES / Integer.BYTES);
      in.readFully(b, 0, k * Integer.BYTES);
      for (int j = 0; j < k; j++) {
        a[i + j] = (int) INT.get(b, j * Integer.BYTES);
      }
      i += k;
    }
    return a;
  }

  private static long[] copyOf(long[] a) {
    return a == null ? null : a.clone();
  }

  private static int[] copyOf(int[] a) {
    return a == null ? null : a.clone();
  }

  /** {@link CalleeState}: mutable; copies are deep. */
  public static final class CalleeStateSerializer extends MutableSerializer<CalleeState> {
    private static final long serialVersionUID = 1L;
    static final CalleeStateSerializer INSTANCE = new CalleeStateSerializer();

    @Override
    public CalleeState createInstance() {
      return new CalleeState();
    }

    @Override
    public CalleeState copy(CalleeState f, CalleeState t) {
      t.contacts = copyOf(f.contacts);
      t.contactCount = f.contactCount;
      t.burstTimes = copyOf(f.burstTimes);
      t.burstSources = copyOf(f.burstSources);
      t.burstHead = f.burstHead;
      t.burstCount = f.burstCount;
      t.attackStart = f.attackStart;
      t.lastAttack = f.lastAttack;
      t.attackCalls = f.attackCalls;
      t.inboundRate = f.inboundRate;
      t.rateAt = f.rateAt;
      t.lastSeen = f.lastSeen;
      return t;
    }

    @Override
    public void serialize(CalleeState s, DataOutputView out) throws IOException {
      writeLongs(s.contacts, s.contactCount, out);
      out.writeInt(s.contactCount);
      writeLongs(s.burstTimes, Integer.MAX_VALUE, out);
      writeLongs(s.burstSources, Integer.MAX_VALUE, out);
      out.writeInt(s.burstHead);
      out.writeInt(s.burstCount);
      out.writeLong(s.attackStart);
      out.writeLong(s.lastAttack);
      out.writeInt(s.attackCalls);
      out.writeDouble(s.inboundRate);
      out.writeLong(s.rateAt);
      out.writeLong(s.lastSeen);
    }

    @Override
    public CalleeState deserialize(CalleeState s, DataInputView in) throws IOException {
      s.contacts = readLongs(in);
      s.contactCount = in.readInt();
      s.burstTimes = readLongs(in);
      s.burstSources = readLongs(in);
      s.burstHead = in.readInt();
      s.burstCount = in.readInt();
      s.attackStart = in.readLong();
      s.lastAttack = in.readLong();
      s.attackCalls = in.readInt();
      s.inboundRate = in.readDouble();
      s.rateAt = in.readLong();
      s.lastSeen = in.readLong();
      return s;
    }

    @Override
    public TypeSerializerSnapshot<CalleeState> snapshotConfiguration() {
      return new CalleeStateSnapshot();
    }

    /** The snapshot of {@link CalleeStateSerializer}. */
    public static final class CalleeStateSnapshot extends SimpleTypeSerializerSnapshot<CalleeState> {
      public CalleeStateSnapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** {@link CallerState}: mutable; copies are deep; the derived indexes of the callees and the circle are not kept. */
  public static final class CallerStateSerializer extends MutableSerializer<CallerState> {
    private static final long serialVersionUID = 1L;
    static final CallerStateSerializer INSTANCE = new CallerStateSerializer();

    @Override
    public CallerState createInstance() {
      return new CallerState();
    }

    @Override
    public CallerState copy(CallerState f, CallerState t) {
      t.buckets = copyOf(f.buckets);
      t.newestBucket = f.newestBucket;
      t.callees = copyOf(f.callees);
      t.calleeCalls = copyOf(f.calleeCalls);
      t.calleeSeen = copyOf(f.calleeSeen);
      t.calleeCount = f.calleeCount;
      t.calleeIndex = null;
      t.strangerCalls = f.strangerCalls;
      t.circle = copyOf(f.circle);
      t.circleCounts = copyOf(f.circleCounts);
      t.circleCount = f.circleCount;
      t.circleMax = f.circleMax;
      t.circleSince = f.circleSince;
      t.circleIndex = null;
      t.examples = copyOf(f.examples);
      t.exampleCount = f.exampleCount;
      t.firstSeen = f.firstSeen;
      t.lastSeen = f.lastSeen;
      t.flagged = f.flagged;
      return t;
    }

    @Override
    public void serialize(CallerState s, DataOutputView out) throws IOException {
      writeInts(s.buckets, Integer.MAX_VALUE, out);
      out.writeLong(s.newestBucket);
      writeLongs(s.callees, s.calleeCount, out);
      writeInts(s.calleeCalls, s.calleeCount, out);
      writeLongs(s.calleeSeen, s.calleeCount, out);
      out.writeInt(s.calleeCount);
      out.writeInt(s.strangerCalls);
      writeLongs(s.circle, s.circleCount, out);
      writeInts(s.circleCounts, s.circleCount, out);
      out.writeInt(s.circleCount);
      out.writeInt(s.circleMax);
      out.writeLong(s.circleSince);
      writeLongs(s.examples, Integer.MAX_VALUE, out);
      out.writeInt(s.exampleCount);
      out.writeLong(s.firstSeen);
      out.writeLong(s.lastSeen);
      out.writeBoolean(s.flagged);
    }

    @Override
    public CallerState deserialize(CallerState s, DataInputView in) throws IOException {
      s.buckets = readInts(in);
      s.newestBucket = in.readLong();
      s.callees = readLongs(in);
      s.calleeCalls = readInts(in);
      s.calleeSeen = readLongs(in);
      s.calleeCount = in.readInt();
      s.calleeIndex = null;
      s.strangerCalls = in.readInt();
      s.circle = readLongs(in);
      s.circleCounts = readInts(in);
      s.circleCount = in.readInt();
      s.circleMax = in.readInt();
      s.circleSince = in.readLong();
      s.circleIndex = null;
      s.examples = readLongs(in);
      s.exampleCount = in.readInt();
      s.firstSeen = in.readLong();
      s.lastSeen = in.readLong();
      s.flagged = in.readBoolean();
      return s;
    }

    @Override
    public TypeSerializerSnapshot<CallerState> snapshotConfiguration() {
      return new CallerStateSnapshot();
    }

    /** The snapshot of {@link CallerStateSerializer}. */
    public static final class CallerStateSnapshot extends SimpleTypeSerializerSnapshot<CallerState> {
      public CallerStateSnapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
