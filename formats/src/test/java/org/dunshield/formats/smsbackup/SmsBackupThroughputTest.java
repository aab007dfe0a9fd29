package org.dunshield.formats.smsbackup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dunshield.core.event.Event;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a generated SMS backup of {@code -Ddunshield.perf.mb} megabytes (default 100) and prints
 * the rate. Opt-in: {@code mvn -pl formats test -Dtest=SmsBackupThroughputTest -Ddunshield.perf=true
 * -DargLine=-Xmx256m}.
 */
@EnabledIfSystemProperty(named = "dunshield.perf", matches = "true")
class SmsBackupThroughputTest {
  @TempDir
  Path dir;

  @Test
  void readsAHundredMegabytesWellWithinThirtySeconds() throws IOException {
    long megabytes = Long.getLong("dunshield.perf.mb", 100);
    Path file = dir.resolve("large-sms.xml");
    long messages = write(file, megabytes * 1024 * 1024);
    ImportFile backup = ImportFile.detect(file);

    long start = System.nanoTime();
    long count = 0;
    long bodyChars = 0;
    try (RecordReader<Event> reader = backup.events(ReadOptions.defaults())) {
      while (reader.hasNext()) {
        Event e = reader.next();
        count++;
        bodyChars += e.rawNumber().length();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double mb = backup.size() / (1024.0 * 1024.0);
    System.out.printf("read %.1f MB, %d events in %.2f s: %.1f MB/s, %.0f events/s, max heap %d MB (%d)%n",
        mb, count, seconds, mb / seconds, count / seconds, Runtime.getRuntime().maxMemory() >> 20, bodyChars);
    assertThat(count).isEqualTo(messages);
    assertThat(seconds).isLessThan(30);
  }

  /** Writes SMS as SMS Backup &amp; Restore does until the file has about {@code bytes}; returns how many. */
  static long write(Path file, long bytes) throws IOException {
    String[] bodies = {
        "【中国银行】验证码 662019，用于登录手机银行，5分钟内有效。",
        "李先生，你在【快钱花】的欠款已逾期20天，今天必须处理，否则联系你的家人。",
        "中午吃了吗？&#55357;&#56842;",
        "再不还钱明天去你公司，让你同事都知道你是老赖！&#10;第二行 &amp; &lt;tag&gt; &quot;quoted&quot;",
        "Your parcel is waiting. Reply STOP to opt out &#55357;&#56538;&#55357;&#56538;",
    };
    String[] senders = {"1069000111", "17188880001", "13700001234", "106575550000", "+86 139 0000 5678", "BOC"};
    long written = 0;
    long count = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String head = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\" backup_set=\"perf\""
          + " backup_date=\"1791864000000\" type=\"full\">\n";
      out.write(head);
      written += head.length();
      while (written < bytes) {
        String sender = count % 97 == 0 ? "1" + (3_000_000_000L + count * 7919 % 999_999_999L)
            : senders[(int) (count % senders.length)];
        String line = "  <sms protocol=\"0\" address=\"" + sender + "\" date=\""
            + (1_700_000_000_000L + count * 1000) + "\" type=\"" + (count % 5 == 0 ? 2 : 1)
            + "\" subject=\"null\" body=\"" + bodies[(int) (count % bodies.length)]
            + "\" toa=\"null\" sc_toa=\"null\" service_center=\"null\" read=\"1\" status=\"-1\" locked=\"0\""
            + " date_sent=\"0\" sub_id=\"1\" readable_date=\"Nov 14, 2023 10:13:20 PM\""
            + " contact_name=\"(Unknown)\" />\n";
        out.write(line);
        written += line.getBytes(StandardCharsets.UTF_8).length;
        count++;
      }
      out.write("</smses>\n");
    }
    return count;
  }
}
