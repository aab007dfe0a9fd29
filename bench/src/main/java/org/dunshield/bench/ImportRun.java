package org.dunshield.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.ImportCount;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.store.Database;

/**
 * One measured run in its own JVM, started by {@link ImportBenchmark} with a small heap:
 * {@code read FILE} streams the backup through the formats reader and counts events (the baseline);
 * {@code import FILE DATA_DIR} imports it into a fresh SQLite database in {@code DATA_DIR}, as
 * {@code ./dunshield import} does. Prints one {@code RESULT} line with the seconds from opening the
 * file to the committed import, the process CPU seconds in that time (all threads, GC included),
 * the counts, the peak heap and the load average. Single-threaded.
 */
public final class ImportRun {
  private ImportRun() {}

  public static void main(String[] args) {
    String mode = args[0];
    Path file = Path.of(args[1]);
    long openedDb = 0;
    Database db = null;
    if (mode.equals("import")) {
      long t = System.nanoTime();
      db = Database.openDirectory(Path.of(args[2])); // creates the schema: not part of the import
      openedDb = System.nanoTime() - t;
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    ImportFile backup = ImportFile.detect(file);
    long events = 0;
    long imported = 0;
    long skipped;
    try (RecordReader<Event> reader = backup.events(ReadOptions.defaults())) {
      if (db == null) {
        while (reader.hasNext()) {
          reader.next();
          events++;
        }
      } else {
        ImportCount count = db.history().importAll(reader, file.getFileName().toString());
        imported = count.imported();
        events = count.imported() + count.skipped();
      }
      skipped = reader.skipped();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    if (db != null) {
      db.close();
    }
    System.out.printf("RESULT mode=%s seconds=%.3f bytes=%d events=%d imported=%d not_events=%d peak_heap_mb=%d"
        + " max_heap_mb=%d schema_seconds=%.3f cpu_seconds=%.3f load=%.2f%n", mode, seconds, backup.size(), events,
        imported, skipped, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20, openedDb / 1e9, cpuSeconds,
        os.getSystemLoadAverage());
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap ever in use at once. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
