package org.dunshield.formats.smsbackup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.CallType;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.formats.SkipReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SmsBackupReaderTest {
  private static final String HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n";

  @Test
  void decodesEmojiWrittenAsSurrogateReferences() {
    List<Event> events = readAll(open(HEAD + "<smses count=\"1\">\n<sms address=\"13700001234\" date=\"1\""
        + " type=\"1\" body=\"中午吃了吗？&#55357;&#56842;\" />\n</smses>\n"));

    assertThat(((SmsEvent) events.get(0)).body()).isEqualTo("中午吃了吗？😊");
  }

  @Test
  void refusesDoctypeThatDeclaresAnExternalEntity() {
    FormatException e = catchThrowableOfType(FormatException.class, () -> readAll(resource("xxe-file.xml")));

    assertThat(e.getMessage()).startsWith("xxe-file.xml:4: ").contains("DOCTYPE declaration is refused");
  }

  @Test
  void refusesDoctypeWithAnExternalSubset() {
    assertThatThrownBy(() -> readAll(resource("xxe-external-dtd.xml")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("DOCTYPE declaration is refused");
  }

  @Test
  void neverFetchesAnExternalDtdOrEntity() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
      String dtd = HEAD + "<!DOCTYPE smses SYSTEM \"" + url + ".dtd\">\n<smses><sms address=\"1\" date=\"1\" type=\"1\""
          + " body=\"x\"/></smses>";
      String entity = HEAD + "<!DOCTYPE smses [<!ENTITY e SYSTEM \"" + url + ".txt\">]>\n<smses><sms address=\"1\""
          + " date=\"1\" type=\"1\" body=\"&e;\"/></smses>";

      assertThatThrownBy(() -> readAll(open(dtd))).isInstanceOf(FormatException.class);
      assertThatThrownBy(() -> readAll(open(entity))).isInstanceOf(FormatException.class);

      server.setSoTimeout(300);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  @Timeout(5)
  void refusesBillionLaughsWithoutExpandingIt() {
    assertThatThrownBy(() -> readAll(resource("billion-laughs.xml")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("DOCTYPE declaration is refused");
  }

  @Test
  void refusesFileLargerThanTheLimitBeforeReadingIt() {
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the file must not be read");
      }
    };
    ReadOptions options = ReadOptions.defaults().withMaxFileBytes(1000);

    assertThatThrownBy(() -> SmsBackupReader.open(untouchable, "big.xml", 1001, options))
        .isInstanceOf(FormatException.class)
        .hasMessage("big.xml: the file has 1001 bytes, more than the limit of 1000 bytes;"
            + " raise the limit if the file is genuine");
  }

  @Test
  void refusesStreamOfUnknownSizeOnceItPassesTheLimit() {
    StringBuilder xml = new StringBuilder(HEAD + "<smses>\n");
    for (int i = 0; i < 1000; i++) {
      xml.append("<sms address=\"13800138000\" date=\"").append(i).append("\" type=\"1\" body=\"hello\" />\n");
    }
    byte[] bytes = (xml + "</smses>\n").getBytes(StandardCharsets.UTF_8);
    ReadOptions options = ReadOptions.defaults().withMaxFileBytes(20_000);

    assertThatThrownBy(() -> readAll(SmsBackupReader.open(new ByteArrayInputStream(bytes), "upload", -1, options)))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("larger than the limit of 20000 bytes");
  }

  @Test
  void refusesAttributeLongerThanTheLimit() {
    String body = "x".repeat(200);
    RecordReader<Event> reader = SmsBackupReader.open(bytes(HEAD + "<smses>\n<sms address=\"1\" date=\"1\" type=\"1\""
        + " body=\"" + body + "\"/>\n</smses>"), "sms.xml", -1, ReadOptions.defaults().withMaxFieldChars(100));

    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(FormatException.class)
        .hasMessage("sms.xml:3: attribute body: 200 characters, more than the limit of 100");
  }

  @Test
  void refusesGiganticMarkupBeforeTheParserHoldsIt() {
    ReadOptions options = ReadOptions.defaults().withMaxFieldChars(64);
    String body = "y".repeat(200_000);
    RecordReader<Event> reader = SmsBackupReader.open(bytes(HEAD + "<smses>\n<sms address=\"1\" date=\"1\" type=\"1\""
        + " body=\"" + body + "\"/>\n</smses>"), "sms.xml", -1, options);

    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("sms.xml:3: more than")
        .hasMessageContaining("characters without markup");
  }

  @Test
  void reportsTheLineOfMalformedXmlAfterTheEventsBeforeIt() {
    RecordReader<Event> reader = resource("malformed.xml");
    List<Event> read = new ArrayList<>();

    FormatException e = catchThrowableOfType(FormatException.class, () -> reader.forEachRemaining(read::add));

    assertThat(read).hasSize(2);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).startsWith("malformed.xml:5:").contains("malformed XML");
    assertThatThrownBy(reader::hasNext).isSameAs(e);
  }

  @Test
  void reportsADateThatIsNotEpochMilliseconds() {
    String xml = HEAD + "<smses count=\"2\">\n"
        + "  <sms address=\"13800138000\" date=\"1791763200000\" type=\"1\" body=\"ok\" />\n"
        + "  <sms address=\"13800138000\" date=\"abc\" type=\"1\" body=\"bad\" />\n</smses>\n";

    assertThatThrownBy(() -> readAll(open(xml)))
        .isInstanceOf(FormatException.class)
        .hasMessage("sms.xml:4: attribute date: 'abc' is not epoch milliseconds");
  }

  @Test
  void reportsUnknownTypeCodes() {
    assertThatThrownBy(() -> readAll(open(HEAD + "<calls>\n<call number=\"1\" date=\"1\" type=\"9\" />\n</calls>")))
        .isInstanceOf(FormatException.class)
        .hasMessage("sms.xml:3: attribute type: '9' is not a call type; expected 1 (incoming) to 6 (refused)");
    assertThatThrownBy(() -> readAll(open(HEAD + "<smses>\n<sms address=\"1\" date=\"1\" type=\"0\" />\n</smses>")))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("sms.xml:3: attribute type: '0' is not a message type");
    assertThatThrownBy(() -> readAll(open(HEAD + "<calls>\n<call number=\"1\" date=\"1\" type=\"1\" presentation=\"7\""
        + " />\n</calls>")))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("sms.xml:3: attribute presentation: '7' is not a presentation");
  }

  @Test
  void reportsMissingDate() {
    assertThatThrownBy(() -> readAll(open(HEAD + "<smses>\n\n<sms address=\"1\" type=\"1\" body=\"x\"/>\n</smses>")))
        .isInstanceOf(FormatException.class)
        .hasMessage("sms.xml:4: attribute date: is missing");
  }

  @Test
  void refusesAnotherRootElement() {
    assertThatThrownBy(() -> readAll(open(HEAD + "<backup><sms/></backup>")))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("the root element is <backup>");
  }

  @Test
  void refusesContentAfterTheRootElement() {
    assertThatThrownBy(() -> readAll(open(HEAD + "<smses>\n</smses>\n<smses/>\n")))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("sms.xml:4:");
  }

  @Test
  void skipsDraftsAndUnsentMessagesAndReadsMmsText() {
    RecordReader<Event> reader = resource("mixed-messages.xml");
    List<Event> events = readAll(reader);

    assertThat(events).hasSize(4);
    SmsEvent alphanumeric = (SmsEvent) events.get(0);
    assertThat(alphanumeric.number()).isNull();
    assertThat(alphanumeric.rawNumber()).isEqualTo("BOC");
    SmsEvent sent = (SmsEvent) events.get(1);
    assertThat(sent.direction()).isEqualTo(Direction.OUTGOING);
    assertThat(sent.number().e164()).isEqualTo("+8613900005678");
    assertThat(sent.body()).isEqualTo("line one\nline two");
    SmsEvent mmsIn = (SmsEvent) events.get(2);
    assertThat(mmsIn.direction()).isEqualTo(Direction.INCOMING);
    assertThat(mmsIn.number().e164()).isEqualTo("+8617188880001");
    assertThat(mmsIn.body()).isEqualTo("pay today\nor else 😠");
    SmsEvent mmsOut = (SmsEvent) events.get(3);
    assertThat(mmsOut.direction()).isEqualTo(Direction.OUTGOING);
    assertThat(mmsOut.number().e164()).isEqualTo("+8613700001234");
    assertThat(mmsOut.body()).isEqualTo("sent mms");
    assertThat(reader.skippedByReason()).isEqualTo(Map.of(SkipReason.DRAFT, 2L, SkipReason.UNSENT, 3L));
    assertThat(reader.skipped()).isEqualTo(5);
  }

  @Test
  void hiddenCallersHaveNoNumber() {
    List<CallEvent> calls = readAll(resource("hidden-calls.xml")).stream().map(CallEvent.class::cast).toList();

    assertThat(calls).extracting(CallEvent::presentation).containsExactly(Presentation.RESTRICTED,
        Presentation.UNKNOWN, Presentation.RESTRICTED, Presentation.PAYPHONE, Presentation.ALLOWED);
    assertThat(calls.subList(0, 4)).allSatisfy(c -> {
      assertThat(c.number()).isNull();
      assertThat(c.rawNumber()).isEmpty();
    });
    CallEvent voicemail = calls.get(4);
    assertThat(voicemail.type()).isEqualTo(CallType.VOICEMAIL);
    assertThat(voicemail.number().e164()).isEqualTo("+8613800138000");
    assertThat(voicemail.duration()).isEqualTo(Duration.ofSeconds(12));
    assertThat(voicemail.contactName()).isEqualTo("Li");
  }

  @Test
  void replacesLoneSurrogateReferencesAndWarns() {
    RecordReader<Event> reader = open(HEAD + "<smses>\n<sms address=\"1\" date=\"1\" type=\"1\""
        + " body=\"cut &#55357; here &#1;\"/>\n</smses>");

    List<Event> events = readAll(reader);

    assertThat(((SmsEvent) events.get(0)).body()).isEqualTo("cut \uFFFD here \uFFFD");
    assertThat(reader.warnings()).containsExactly("sms.xml: 2 character references to lone surrogates or to"
        + " characters XML forbids were replaced by U+FFFD");
  }

  @Test
  void acceptsAByteOrderMark() {
    byte[] xml = (HEAD + "<calls><call number=\"13800138000\" date=\"5\" type=\"2\"/></calls>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[xml.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(xml, 0, withBom, 3, xml.length);

    List<Event> events = readAll(SmsBackupReader.open(new ByteArrayInputStream(withBom), "calls.xml",
        withBom.length, ReadOptions.defaults()));

    assertThat(events).hasSize(1);
  }

  @Test
  void reportsProgressUpToTheWholeFile() {
    StringBuilder xml = new StringBuilder(HEAD + "<smses>\n");
    for (int i = 0; i < 30_000; i++) {
      xml.append("<sms address=\"13800138000\" date=\"").append(i).append("\" type=\"1\" body=\"hello\" />\n");
    }
    byte[] bytes = (xml + "</smses>\n").getBytes(StandardCharsets.UTF_8);
    List<long[]> reports = new ArrayList<>();
    ReadOptions options = ReadOptions.defaults().withProgress((read, total) -> reports.add(new long[] {read, total}));

    readAll(SmsBackupReader.open(new ByteArrayInputStream(bytes), "sms.xml", bytes.length, options));

    assertThat(reports).hasSizeGreaterThan(1);
    assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(bytes.length));
    assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(bytes.length);
    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
    }
  }

  @Test
  void readFailuresSurfaceAsUncheckedIoExceptions() {
    InputStream failing = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served < HEAD.length()) {
          return HEAD.charAt(served++);
        }
        throw new IOException("disk on fire");
      }
    };

    assertThatThrownBy(() -> readAll(SmsBackupReader.open(failing, "sms.xml", -1, ReadOptions.defaults())))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk on fire");
  }

  @Test
  void readFailuresMidwaySurfaceAsUncheckedIoExceptions() {
    StringBuilder xml = new StringBuilder(HEAD + "<smses>\n");
    for (int i = 0; i < 5000; i++) {
      xml.append("<sms address=\"13800138000\" date=\"").append(i).append("\" type=\"1\" body=\"hello\" />\n");
    }
    byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served < bytes.length) {
          return bytes[served++];
        }
        throw new IOException("disk on fire");
      }
    };
    RecordReader<Event> reader = SmsBackupReader.open(failing, "sms.xml", -1, ReadOptions.defaults());

    assertThatThrownBy(() -> readAll(reader))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("sms.xml: disk on fire");
  }

  static RecordReader<Event> open(String xml) {
    return SmsBackupReader.open(bytes(xml), "sms.xml", -1, ReadOptions.defaults());
  }

  private static ByteArrayInputStream bytes(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static RecordReader<Event> resource(String name) {
    InputStream in = SmsBackupReaderTest.class.getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return SmsBackupReader.open(in, name, -1, ReadOptions.defaults());
  }

  static List<Event> readAll(RecordReader<Event> reader) {
    List<Event> events = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(events::add);
    }
    return events;
  }
}
