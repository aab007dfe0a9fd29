package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The states' arrays, written in bulk, are the bytes that writing them number by number gave (the
 * format of earlier checkpoints and savepoints), and read back as written, across the scratch
 * buffer's chunk boundaries (512 longs, 1,024 ints).
 */
class StateArraysProperties {
  @Property(tries = 300)
  void longsAreWrittenAsOneByOneAndReadBack(@ForAll @Size(max = 1_500) long[] a, @ForAll @IntRange(min = 0, max = 2_000) int used)
      throws IOException {
    DataOutputSerializer bulk = new DataOutputSerializer(64);
    CarrierTypes.writeLongs(a, used, bulk);
    DataOutputSerializer one = new DataOutputSerializer(64);
    one.writeInt(a.length);
    int n = Math.min(used, a.length);
    one.writeInt(n);
    for (int i = 0; i < n; i++) {
      one.writeLong(a[i]);
    }
    assertThat(bulk.getCopyOfBuffer()).isEqualTo(one.getCopyOfBuffer());

    long[] back = CarrierTypes.readLongs(new DataInputDeserializer(bulk.getCopyOfBuffer()));
    long[] expected = new long[a.length];
    System.arraycopy(a, 0, expected, 0, n);
    assertThat(back).isEqualTo(expected);
  }

  @Property(tries = 300)
  void intsAreWrittenAsOneByOneAndReadBack(@ForAll @Size(max = 2_500) int[] a, @ForAll @IntRange(min = 0, max = 3_000) int used)
      throws IOException {
    DataOutputSerializer bulk = new DataOutputSerializer(64);
    CarrierTypes.writeInts(a, used, bulk);
    DataOutputSerializer one = new DataOutputSerializer(64);
    one.writeInt(a.length);
    int n = Math.min(used, a.length);
    one.writeInt(n);
    for (int i = 0; i < n; i++) {
      one.writeInt(a[i]);
    }
    assertThat(bulk.getCopyOfBuffer()).isEqualTo(one.getCopyOfBuffer());

    int[] back = CarrierTypes.readInts(new DataInputDeserializer(bulk.getCopyOfBuffer()));
    int[] expected = Arrays.copyOf(Arrays.copyOf(a, n), a.length);
    assertThat(back).isEqualTo(expected);
  }

  @Test
  void nullArraysStayNullAndACountLargerThanTheArrayIsRefused() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    CarrierTypes.writeLongs(null, 5, out);
    CarrierTypes.writeInts(null, 5, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    assertThat(CarrierTypes.readLongs(in)).isNull();
    assertThat(CarrierTypes.readInts(in)).isNull();

    DataOutputSerializer corrupt = new DataOutputSerializer(16);
    corrupt.writeInt(2);
    corrupt.writeInt(3);
    assertThatThrownBy(() -> CarrierTypes.readLongs(new DataInputDeserializer(corrupt.getCopyOfBuffer())))
        .isInstanceOf(IOException.class).hasMessageContaining("3 numbers written for an array of 2");
    assertThatThrownBy(() -> CarrierTypes.readInts(new DataInputDeserializer(corrupt.getCopyOfBuffer())))
        .isInstanceOf(IOException.class).hasMessageContaining("3 numbers written for an array of 2");
  }
}
