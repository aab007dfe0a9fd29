package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import org.dunshield.core.history.ImportCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB SMS backup holds about 300,000 messages: importing them into SQLite must take well under
 * 30 seconds. The store module's tests run with a 256 MB heap, so this also shows that an import
 * streams rather than collects.
 */
class HistoryImportSpeedTest {
  private static final int MESSAGES = 300_000;

  @TempDir Path dataDir;

  @Test
  void threeHundredThousandMessagesImportWellUnderThirtySeconds() {
    try (Database db = Database.openDirectory(dataDir)) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      ImportCount count = db.history().importAll(Fixtures.generatedSms(MESSAGES), "sms-backup.xml");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
      System.out.printf("imported %,d SMS into SQLite in %,d ms, %,d ms CPU (%,.0f rows/s, max heap %d MB)%n",
          count.imported(), took.toMillis(), cpu.toMillis(), MESSAGES / (took.toNanos() / 1e9),
          Runtime.getRuntime().maxMemory() >> 20);

      assertThat(count).isEqualTo(new ImportCount(MESSAGES, 0));
      assertThat(took).isLessThan(Duration.ofSeconds(30));
    }
  }
}
