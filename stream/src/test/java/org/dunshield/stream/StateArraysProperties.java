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
    int n = Math.min(used, a.length);
    byte[] bulk = bytes(out -> CarrierTypes.writeLongs(a, used, out));
    assertThat(bulk).isEqualTo(oneByOne(a.length, n, (out, i) -> out.writeLong(a[i])));
    assertThat(CarrierTypes.readLongs(new DataInputDeserializer(bulk))).isEqualTo(Arrays.copyOf(Arrays.copyOf(a, n), a.length));
  }

  @Property(tries = 300)
  void intsAreWrittenAsOneByOneAndReadBack(@ForAll @Size(max = 2_500) int[] a, @ForAll @IntRange(min = 0, max = 3_000) int used)
      throws IOException {
    int n = Math.min(used, a.length);
    byte[] bulk = bytes(out -> CarrierTypes.writeInts(a, used, out));
    assertThat(bulk).isEqualTo(oneByOne(a.length, n, (out, i) -> out.writeInt(a[i])));
    assertThat(CarrierTypes.readInts(new DataInputDeserializer(bulk))).isEqualTo(Arrays.copyOf(Arrays.copyOf(a, n), a.length));
  }

  private interface Write {
    void to(DataOutputSerializer out) throws IOException;
  }

  private interface Element {
    void write(DataOutputSerializer out, int i) throws IOException;
  }

  private static byte[] bytes(Write write) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    write.to(out);
    return out.getCopyOfBuffer();
  }

  /** The array's format written the way it was before: length, count, then each number on its own. */
  private static byte[] oneByOne(int length, int n, Element element) throws IOException {
    return bytes(out -> {
      out.writeInt(length);
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        element.write(out, i);
      }
    });
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
