package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrFilesTest {
  @TempDir
  Path dir;

  private static final Cdr TALK = new Cdr(8613800000001L, 8613900000002L, 1772400000000L, 4, 75, true,
      Disposition.ANSWERED, "C0451");
  private static final Cdr RING = new Cdr(2250700000001L, 8613900000002L, 1772400001000L, 1, 0, false,
      Disposition.CALLER_CANCEL, "");

  private List<Cdr> read(Path file) {
    List<Cdr> out = new ArrayList<>();
    CdrFiles.read(file, out::add);
    return out;
  }

  @Test
  void csvWrittenAndReadBackGivesTheSameRecordsAlsoCompressed() throws Exception {
    for (String name : new String[] {"c.csv", "c.csv.gz"}) {
      Path f = dir.resolve(name);
      try (OutputStream o = Files.newOutputStream(f); CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(o, name.endsWith(".gz"))) {
        w.write(TALK);
        w.write(RING);
      }
      assertThat(read(f)).containsExactly(TALK, RING);
    }
  }

  @Test
  void jsonLinesAreReadWithTheSameFieldNames() throws Exception {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, "{\"caller\":\"+8613800000001\",\"callee\":\"+8613900000002\",\"start_ms\":1772400000000,"
        + "\"ring_s\":4,\"talk_s\":75,\"answered\":true,\"disposition\":\"answered\",\"cell\":\"C0451\"}\n\n"
        + "{\"callee\":\"+8613900000002\",\"caller\":\"+2250700000001\",\"start_ms\":1772400001000,\"ring_s\":1,"
        + "\"talk_s\":0,\"answered\":false,\"disposition\":\"caller_cancel\"}\n");
    assertThat(read(f)).containsExactly(TALK, RING);
  }

  @Test
  void aNumberThatIsNotE164IsRefusedNamingFileLineAndField() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, CdrFiles.CSV_HEADER + "\n+8613800000001,+8613900000002,1772400000000,4,75,true,answered,\n"
        + "+8613800000001,013900000002,1772400000000,4,75,true,answered,\n");
    assertThatThrownBy(() -> read(f)).isInstanceOf(CdrFormatException.class)
        .hasMessageContaining("bad.csv:3: field 'callee'").hasMessageContaining("not an E.164 number");
  }

  @Test
  void inconsistentRecordsAndUnknownDispositionsAreRefused() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, CdrFiles.CSV_HEADER + "\n+8613800000001,+8613900000002,1772400000000,4,75,false,no_answer,\n");
    assertThatThrownBy(() -> read(f)).hasMessageContaining("bad.csv:2").hasMessageContaining("no talk time");
    Files.writeString(f, CdrFiles.CSV_HEADER + "\n+8613800000001,+8613900000002,1772400000000,4,0,false,hung_up,\n");
    assertThatThrownBy(() -> read(f)).hasMessageContaining("bad.csv:2: field 'disposition'");
  }

  @Test
  void aWrongHeaderAndAMissingJsonFieldAreRefused() throws Exception {
    Path csv = dir.resolve("h.csv");
    Files.writeString(csv, "from,to,when\n");
    assertThatThrownBy(() -> read(csv)).hasMessageContaining("h.csv:1").hasMessageContaining("header");
    Path json = dir.resolve("m.ndjson");
    Files.writeString(json, "{\"caller\":\"+8613800000001\",\"callee\":\"+8613900000002\",\"ring_s\":4}\n");
    assertThatThrownBy(() -> read(json)).hasMessageContaining("m.ndjson:1: field 'start_ms': missing");
  }

  @Test
  void anUnknownFileTypeIsRefusedBeforeReading() {
    assertThatThrownBy(() -> read(dir.resolve("x.txt"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown CDR file type");
  }
}
