package org.dunshield.formats.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Presentation;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.junit.jupiter.api.Test;

class CallLogReaderTest {
  private static final ReadOptions SHANGHAI = ReadOptions.defaults().withZone(ZoneId.of("Asia/Shanghai"));

  @Test
  void readsTheDocumentedLayout() {
    String csv = "number,date,type,duration,presentation,name\r\n"
        + "13800138000,2026-10-12T08:40:00+08:00,incoming,95,,爸爸\r\n"
        + "17188880001,1791767400000,missed,0,,\r\n"
        + ",2026-10-13 09:00:00,missed,,restricted,\r\n"
        + "075588886666,2026-10-12T05:00:00Z,outgoing,60,1,\r\n";

    List<CallEvent> calls = readAll(open(csv));

    assertThat(calls).hasSize(4);
    CallEvent first = calls.get(0);
    assertThat(first.number().e164()).isEqualTo("+8613800138000");
    assertThat(first.at()).isEqualTo(Instant.parse("2026-10-12T00:40:00Z"));
    assertThat(first.type()).isEqualTo(CallType.ANSWERED);
    assertThat(first.duration()).isEqualTo(Duration.ofSeconds(95));
    assertThat(first.contactName()).isEqualTo("爸爸");
    assertThat(calls.get(1).at().toEpochMilli()).isEqualTo(1791767400000L);
    CallEvent hidden = calls.get(2);
    assertThat(hidden.number()).isNull();
    assertThat(hidden.presentation()).isEqualTo(Presentation.RESTRICTED);
    assertThat(hidden.at()).isEqualTo(Instant.parse("2026-10-13T01:00:00Z"));
    assertThat(calls.get(3).type()).isEqualTo(CallType.OUTGOING);
    assertThat(calls.get(3).number().e164()).isEqualTo("+8675588886666");
  }

  @Test
  void acceptsColumnsInAnyOrderAndCaseAndIgnoresUnknownOnes() {
    String csv = "Type,Comment,Date,NUMBER\nrejected,\"said \"\"hi\"\", then\nhung up\",1791767400000,+8613800138000\n"
        + "\n"
        + "blocked,,1791767400001,-2\n";

    List<CallEvent> calls = readAll(open(csv));

    assertThat(calls).extracting(CallEvent::type).containsExactly(CallType.REJECTED, CallType.REFUSED);
    assertThat(calls.get(1).number()).isNull();
    assertThat(calls.get(1).presentation()).isEqualTo(Presentation.RESTRICTED);
  }

  @Test
  void namesFileLineAndFieldInErrors() {
    String header = "number,date,type\n";
    assertThatThrownBy(() -> readAll(open(header + "13800138000,yesterday,missed\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:2: field date: 'yesterday' is neither an ISO-8601 date-time"
            + " (2026-10-12T08:40:00+08:00) nor epoch milliseconds");
    assertThatThrownBy(() -> readAll(open(header + "1,1791767400000,missed\n\"x\ny\",1791767400000,ringing\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:3: field type: 'ringing' is not a call type; expected incoming, outgoing, missed,"
            + " voicemail, rejected or blocked");
    assertThatThrownBy(() -> readAll(open(header + "13800138000,1791767400,missed\n")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("field date: '1791767400' looks like epoch seconds");
    assertThatThrownBy(() -> readAll(open("number,date,type,duration\n1,1791767400000,missed,-4\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:2: field duration: '-4' is not a whole number of seconds");
    assertThatThrownBy(() -> readAll(open(header + "13800138000,1791767400000\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:2: the row has 2 fields, but the header names 3");
  }

  @Test
  void refusesBrokenQuotingAndMissingColumns() {
    assertThatThrownBy(() -> readAll(open("number,date,type\n\"1380,1791767400000,missed\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:2: a quoted field is never closed");
    assertThatThrownBy(() -> readAll(open("number,date,type\n1\"38,1791767400000,missed\n")))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("calls.csv:2: a quote inside an unquoted field");
    assertThatThrownBy(() -> readAll(open("number,when,type\n")))
        .isInstanceOf(FormatException.class)
        .hasMessage("calls.csv:1: the header has no 'date' column; a CSV call log needs at least number,date,type");
  }

  private static RecordReader<CallEvent> open(String csv) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    return CallLogReader.open(new ByteArrayInputStream(bytes), "calls.csv", bytes.length, SHANGHAI);
  }

  private static List<CallEvent> readAll(RecordReader<CallEvent> reader) {
    List<CallEvent> calls = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(calls::add);
    }
    return calls;
  }
}
