package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The byte-level CSV reader of the engines gives what the text reader gives: records and errors. */
class CdrFilesProperties {

  @Property(tries = 500)
  void bytesAndTextReadersAgree(@ForAll("lines") @Size(max = 12) List<String> lines, @ForAll("ends") List<String> ends,
      @ForAll boolean header, @ForAll boolean lastEnd, @ForAll @IntRange(min = 1, max = 40) int chunk) throws Exception {
    StringBuilder file = new StringBuilder();
    if (header) {
      file.append(CdrFiles.CSV_HEADER).append('\n');
    }
    for (int i = 0; i < lines.size(); i++) {
      file.append(lines.get(i));
      if (i < lines.size() - 1 || lastEnd) {
        file.append(ends.isEmpty() ? "\n" : ends.get(i % ends.size()));
      }
    }
    String text = file.toString();
    List<Object> byText = new ArrayList<>();
    List<Object> byBytes = new ArrayList<>();
    try {
      CdrFiles.readCsv("p.csv", new BufferedReader(new StringReader(text)), byText::add);
    } catch (CdrFormatException e) {
      byText.add(e.getMessage());
    }
    try {
      CdrFiles.readCsv("p.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), byBytes::add);
    } catch (CdrFormatException e) {
      byBytes.add(e.getMessage());
    }
    assertThat(byBytes).isEqualTo(byText);
    // the same bytes arriving a few at a time: lines cut at every place by the buffer's end
    List<Object> inChunks = new ArrayList<>();
    try {
      CdrFiles.readCsv("p.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, chunk));
        }
      }, inChunks::add);
    } catch (CdrFormatException e) {
      inChunks.add(e.getMessage());
    }
    assertThat(inChunks).isEqualTo(byText);
  }

  @Provide
  Arbitrary<List<String>> lines() {
    Arbitrary<String> number = Arbitraries.oneOf(
        Arbitraries.longs().between(1_000_000L, 999_999_999_999_999L).map(n -> "+" + n),
        Arbitraries.of("+0123456789", "8613800000001", "+86138000x0001", "", "+861380000000012345"));
    Arbitrary<String> count = Arbitraries.oneOf(Arbitraries.longs().between(0, 3_000_000_000L).map(String::valueOf),
        Arbitraries.of("", "-1", "12a", "1234567890123456789"));
    Arbitrary<String> answered = Arbitraries.of("true", "false", "1", "0", "TRUE", "yes", "");
    Arbitrary<String> disposition = Arbitraries.of("answered", "no_answer", "busy", "caller_cancel", "rejected",
        "failed", "ANSWERED", "Busy", "hung_up", "");
    Arbitrary<String> cell = Arbitraries.of("", "C0451", "基站7", "a,b", " x ");
    Arbitrary<String> record = Combinators.combine(number, number, count, count, count, answered, disposition, cell)
        .as((a, b, s, r, t, ans, d, c) -> a + "," + b + "," + s + "," + r + "," + t + "," + ans + "," + d + "," + c);
    Arbitrary<String> good = Combinators.combine(Arbitraries.longs().between(10_000_000L, 99_999_999_999L),
        Arbitraries.longs().between(10_000_000L, 99_999_999_999L), Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(0, 600), Arbitraries.of(Disposition.values()))
        .as((a, b, r, t, d) -> "+" + a + ",+" + b + ",1772400000000," + r + "," + (d == Disposition.ANSWERED ? t : 0)
            + "," + (d == Disposition.ANSWERED) + "," + d.code() + ",C" + r);
    Arbitrary<String> odd = Arbitraries.of("", " ", "a,b,c", CdrFiles.CSV_HEADER, "x".repeat(5000), "é".repeat(3000),
        // well-formed but for a ring or talk time past an int
        "+8613800000001,+8613800000002,1772400000000,2147483648,0,false,no_answer,",
        "+8613800000001,+8613800000002,1772400000000,5,2147483648,true,answered,C1");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, good), net.jqwik.api.Tuple.of(3, record), net.jqwik.api.Tuple.of(1, odd))
        .list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> ends() {
    return Arbitraries.of("\n", "\r\n", "\r").list().ofMaxSize(4);
  }
}
