package org.dunshield.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
  @Test
  void recognisesEachFormatFromItsContent() {
    assertThat(detect("\uFEFFbegin:vcard\r\nVERSION:2.1\r\n")).isEqualTo(Format.VCARD);
    assertThat(detect("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count=\"1\">"))
        .isEqualTo(Format.CALLS_BACKUP);
    assertThat(detect("<?xml version='1.0'?>\n<!-- backup <calls> -->\n<smses count=\"1\">"))
        .isEqualTo(Format.SMS_BACKUP);
    assertThat(detect("\"Number\",\"Date\",\"Type\"\n13800138000,1791767400000,missed\n"))
        .isEqualTo(Format.CALL_LOG_CSV);
  }

  @Test
  void recognisesABackupWithADoctypeSoThatItsReaderRefusesIt() {
    String billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE smses [\n" + " <!ENTITY lol \"lol\">\n".repeat(60)
        + "]>\n<smses>";

    assertThat(detect(billionLaughs)).isEqualTo(Format.SMS_BACKUP);
  }

  @Test
  void explainsWhatItCannotRead() {
    assertThatThrownBy(() -> detect("")).hasMessage("x: the file is empty");
    assertThatThrownBy(() -> detect("PK\u0003\u0004...")).hasMessageContaining("ZIP archive");
    assertThatThrownBy(() -> detect("<html><body>")).hasMessageContaining("XML with root <html>");
    assertThatThrownBy(() -> detect("name,phone\nA,1\n")).hasMessageContaining("at least number,date,type");
    assertThatThrownBy(() -> detect("hello world")).isInstanceOf(FormatException.class)
        .hasMessageStartingWith("x: not a recognised format");
  }

  private static Format detect(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
    return FormatDetector.detect("x", bytes, bytes.length);
  }
}
