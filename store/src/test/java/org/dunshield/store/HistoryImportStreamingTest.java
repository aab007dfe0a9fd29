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
 * A 100 MB SMS backup holds about 300,000 messages. The store module's tests run with a 256 MB heap,
 * so importing them all in one transaction shows that an import streams rather than collects. The
 * time is printed for information only: the 30-second target is measured by the bench module's
 * import benchmark, not asserted by a unit test on a shared machine.
 */
class HistoryImportStreamingTest {
  private static final int MESSAGES = 300_000;

  @TempDir Path dataDir;

  @Test
  void threeHundredThousandMessagesImportInOneTransactionWithinA256MbHeap() {
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
      assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L << 20);
    }
  }
}
