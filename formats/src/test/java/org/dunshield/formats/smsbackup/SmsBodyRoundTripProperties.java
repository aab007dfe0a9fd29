package org.dunshield.formats.smsbackup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;

/** Any body SMS Backup &amp; Restore can write reads back exactly as the phone had it. */
class SmsBodyRoundTripProperties {
  @Property(tries = 300)
  void anyBodyWrittenAsTheAppWritesItReadsBackUnchanged(@ForAll("bodies") String body,
      @ForAll("bodies") String second) {
    String xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n"
        + "  <sms protocol=\"0\" address=\"13800138000\" date=\"1791777600000\" type=\"1\" subject=\"null\" body=\""
        + escape(body) + "\" toa=\"null\" read=\"1\" />\n"
        + "  <sms protocol=\"0\" address=\"13800138000\" date=\"1791777600001\" type=\"2\" body=\""
        + escape(second) + "\" />\n</smses>\n";

    List<Event> events = SmsBackupReaderTest.readAll(SmsBackupReaderTest.open(xml));

    assertThat(events).extracting(e -> ((SmsEvent) e).body()).containsExactly(body, second);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of((int) '<', (int) '&', (int) '>', (int) '"', (int) '\'',
            (int) '\n', (int) '\r', (int) '\t', (int) ' ', (int) ';', (int) '#')),
        Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FFF)),
        Tuple.of(4, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
        Tuple.of(3, Arbitraries.integers().between(0x20, 0x10FFFF)
            .filter(SmsBodyRoundTripProperties::isXmlChar)));
    return codePoint.list().ofMaxSize(60).map(SmsBodyRoundTripProperties::string);
  }

  /** As SMS Backup &amp; Restore writes: XML escapes, control characters and emoji as numeric references. */
  static String escape(String body) {
    StringBuilder s = new StringBuilder();
    body.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&apos;");
        default -> {
          if (cp < 0x20) {
            s.append("&#").append(cp).append(';');
          } else if (cp >= 0x10000) {
            for (char c : Character.toChars(cp)) {
              s.append("&#").append((int) c).append(';');
            }
          } else {
            s.appendCodePoint(cp);
          }
        }
      }
    });
    return s.toString();
  }

  private static boolean isXmlChar(int cp) {
    return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
  }

  private static String string(List<Integer> codePoints) {
    StringBuilder s = new StringBuilder();
    codePoints.forEach(s::appendCodePoint);
    return s.toString();
  }
}
