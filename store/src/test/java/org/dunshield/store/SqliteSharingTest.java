package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.ImportCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes and threads share one SQLite data directory, as a server and CLI commands do. */
class SqliteSharingTest {
  private static final int CALLS = 400;

  @TempDir Path dataDir;

  @Test
  void theDatabaseRunsInWriteAheadLogMode() throws SQLException {
    try (Database ignored = Database.openDirectory(dataDir);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
        ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void openingCreatesMissingDirectories() {
    try (Database db = Database.openDirectory(dataDir.resolve("a/b"))) {
      assertThat(db.rules().list()).isEmpty();
    }
    assertThat(dataDir.resolve("a/b").resolve(Database.FILE_NAME)).exists();
  }

  @Test
  void twoProcessesAndTwoThreadsWriteAtOnceWithoutLockFailures() throws Exception {
    List<Process> processes = List.of(startWriter(1), startWriter(2));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> inProcess = new ArrayList<>();
    for (int writer = 3; writer <= 4; writer++) {
      int w = writer;
      inProcess.add(threads.submit(() -> {
        try (Database db = Database.openDirectory(dataDir)) {
          WriterProcess.write(db, w, CALLS);
        }
      }));
    }
    for (Future<?> f : inProcess) {
      f.get(120, TimeUnit.SECONDS);
    }
    threads.shutdown();
    for (Process p : processes) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(errors).isZero();
    }

    try (Database db = Database.openDirectory(dataDir)) {
      assertThat(db.history().list(null, null)).hasSize(4 * WriterProcess.entriesWritten(CALLS));
      assertThat(db.rules().list()).hasSize(4 * (CALLS / WriterProcess.IMPORT_EVERY));
    }
  }

  @Test
  void liveScreeningWaitsForALongImportInsteadOfFailing() throws Exception {
    CountDownLatch importHoldsTheLock = new CountDownLatch(1);
    Iterator<Event> slowFile = new Iterator<>() {
      private final Iterator<Event> messages = Fixtures.generatedSms(3_000);
      private int given;

      @Override
      public boolean hasNext() {
        return messages.hasNext();
      }

      @Override
      public Event next() {
        if (++given == 2_000) {
          importHoldsTheLock.countDown();
          sleep(Duration.ofSeconds(2));
        }
        return messages.next();
      }
    };
    try (Database cli = Database.openDirectory(dataDir); Database server = Database.openDirectory(dataDir)) {
      ExecutorService importer = Executors.newSingleThreadExecutor();
      Future<ImportCount> imported = importer.submit(() -> cli.history().importAll(slowFile, "sms.xml"));
      importHoldsTheLock.await();

      long id = server.history().append(Fixtures.missedCallFrom(Fixtures.COLLECTOR, Fixtures.T0), null, "screen");

      assertThat(imported.get()).isEqualTo(new ImportCount(3_000, 0));
      assertThat(id).isGreaterThan(3_000);
      importer.shutdown();
    }
  }

  @Test
  void aReaderSeesWhatAnotherProcessWroteAMomentAgo() {
    try (Database server = Database.openDirectory(dataDir); Database cli = Database.openDirectory(dataDir)) {
      Instant since = Fixtures.T0.minusSeconds(3600);
      for (int call = 1; call <= 5; call++) {
        cli.history().append(Fixtures.missedCallFrom(Fixtures.COLLECTOR, Fixtures.T0.plusSeconds(call)), null, "screen");
        cli.history().append(Fixtures.callTo(Fixtures.MUM, Fixtures.T0.plusSeconds(call)), null, "screen");

        assertThat(server.history().callsFrom(Fixtures.COLLECTOR, since, Fixtures.T0.plusSeconds(60))).hasSize(call);
        assertThat(server.history().dialled(Fixtures.MUM, Fixtures.T0.plusSeconds(call), Fixtures.T0.plusSeconds(60)))
            .isTrue();
      }
    }
  }

  @Test
  void eightThreadsOpeningANewDirectoryAtOnceMigrateItOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        Path dir = dataDir.resolve("round-" + round);
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<String>> versions = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          versions.add(threads.submit(() -> {
            start.await();
            try (Database db = Database.openDirectory(dir)) {
              return db.schemaVersion();
            }
          }));
        }
        Set<String> seen = new HashSet<>();
        for (Future<String> version : versions) {
          seen.add(version.get(60, TimeUnit.SECONDS));
        }
        assertThat(seen).hasSize(1);
        assertThat(appliedMigrations(dir)).doesNotHaveDuplicates().last().isEqualTo(seen.iterator().next());
      }
    } finally {
      threads.shutdown();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> appliedMigrations(Path dir) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
        ResultSet rows = c.createStatement().executeQuery(
            "SELECT version FROM " + Migrations.HISTORY_TABLE + " ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private Process startWriter(int writer) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        WriterProcess.class.getName(), dataDir.toString(), Integer.toString(writer), Integer.toString(CALLS))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
