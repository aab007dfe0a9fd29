package org.dunshield.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dunshield.core.event.Direction;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.NumberParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent appends gathered into shared transactions: every answered append is stored, once. */
class GroupCommitHistoryTest {
  @TempDir Path dir;

  /** Appends messages 0 to 1,999 from {@code threads} threads, message n to history n mod size; each gets its own id. */
  private static void appendConcurrently(List<GroupCommitHistory> histories, int threads) throws Exception {
    NumberParser numbers = NumberParser.forRegion("CN");
    Instant t0 = Instant.parse("2026-11-30T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> ids = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int n = i;
        GroupCommitHistory history = histories.get(n % histories.size());
        ids.add(pool.submit(() -> history.append(new SmsEvent(t0.plusMillis(n), numbers.parse("13800138000"),
            "13800138000", Direction.INCOMING, "message " + n), null, "test")));
      }
      Set<Long> distinct = new HashSet<>();
      for (Future<Long> id : ids) {
        distinct.add(id.get());
      }
      assertThat(distinct).hasSize(2_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyConcurrentAppendIsStoredWithItsOwnId() throws Exception {
    try (Database db = Database.openDirectory(dir)) {
      GroupCommitHistory history = new GroupCommitHistory(db.forOwner(2).history(), db.historyWriter(2));
      appendConcurrently(List.of(history), 16);
      assertThat(db.forOwner(2).history().list(null, null)).hasSize(2_000);
      assertThat(db.history().list(null, null)).isEmpty();
    }
  }

  @Test
  void concurrentAppendsOfSeveralAccountsShareTransactionsAndKeepEachChainIntact() throws Exception {
    try (Database db = Database.openDirectory(dir)) {
      List<GroupCommitHistory> histories = new ArrayList<>();
      for (long owner = 1; owner <= 4; owner++) {
        histories.add(new GroupCommitHistory(db.forOwner(owner).history(), db.historyWriter(owner)));
      }
      appendConcurrently(histories, 8);
      for (long owner = 1; owner <= 4; owner++) {
        long o = owner;
        assertThat(db.forOwner(owner).history().list(null, null)).hasSize(500)
            .allSatisfy(e -> assertThat(Integer.parseInt(((SmsEvent) e.event()).body().substring(8)) % 4)
                .isEqualTo((int) (o - 1)));
        var verification = EvidenceStore
            .of(db, dir.resolve("attachments"), java.time.Clock.systemUTC()).forOwner(owner).log().verify();
        assertThat(verification.intact()).as("owner %d's evidence chain", owner).isTrue();
      }
    }
  }

  @Test
  void asyncAppendsCompleteOnceCommittedAndClosingWritesWhatIsQueuedFirst() throws Exception {
    NumberParser numbers = NumberParser.forRegion("CN");
    Instant t0 = Instant.parse("2026-11-30T00:00:00Z");
    List<java.util.concurrent.CompletableFuture<Long>> stages = new ArrayList<>();
    Database db = Database.openDirectory(dir);
    GroupCommitHistory history = new GroupCommitHistory(db.forOwner(2).history(), db.historyWriter(2));
    for (int i = 0; i < 3_000; i++) {
      stages.add(history.appendAsync(new SmsEvent(t0.plusMillis(i), numbers.parse("13800138000"), "13800138000",
          Direction.INCOMING, "message " + i), null, "test").toCompletableFuture());
    }
    db.close(); // returns once every queued append is written and completed

    assertThat(stages).allSatisfy(s -> assertThat(s).isCompleted());
    assertThat(stages.stream().map(java.util.concurrent.CompletableFuture::join).distinct()).hasSize(3_000);
    assertThat(history.appendAsync(new SmsEvent(t0, numbers.parse("13800138000"), "13800138000",
        Direction.INCOMING, "late"), null, "test").toCompletableFuture())
        .isCompletedExceptionally();
    try (Database reopened = Database.openDirectory(dir)) {
      assertThat(reopened.forOwner(2).history().list(null, null)).hasSize(3_000);
      assertThat(EvidenceStore.of(reopened, dir.resolve("attachments"), java.time.Clock.systemUTC())
          .forOwner(2).log().verify().intact()).isTrue();
    }
  }

  @Test
  void theWriteAheadLogIsCheckpointedInTheBackgroundWhileAppendsGoOn() throws Exception {
    NumberParser numbers = NumberParser.forRegion("CN");
    Instant t0 = Instant.parse("2026-11-30T00:00:00Z");
    try (Database db = Database.openDirectory(dir)) {
      GroupCommitHistory history = new GroupCommitHistory(db.forOwner(2).history(), db.historyWriter(2));
      long before = java.nio.file.Files.size(dir.resolve(Database.FILE_NAME));
      for (int i = 0; i < 200; i++) { // a few hundred WAL frames: far below the automatic checkpoint's 8,192
        history.append(new SmsEvent(t0.plusMillis(i), numbers.parse("13800138000"), "13800138000",
            Direction.INCOMING, "message " + i), null, "test");
      }
      Thread.sleep(GroupCommits.CHECKPOINT_MILLIS * 6L);
      assertThat(java.nio.file.Files.size(dir.resolve(Database.FILE_NAME)))
          .as("the database file holds the new pages (until a checkpoint they are only in the log)")
          .isGreaterThan(before + 8 * 4096);
      assertThat(DatabaseFileSync.holdsDescriptor(dir.resolve(Database.FILE_NAME)))
          .as("the checkpointer synced the copied pages through its own descriptor").isTrue();
    }
    assertThat(DatabaseFileSync.holdsDescriptor(dir.resolve(Database.FILE_NAME)))
        .as("closed with the database's last user").isFalse();
  }

  @Test
  void aFailedBatchFailsItsCallers() {
    Database db = Database.openDirectory(dir);
    GroupCommitHistory history = new GroupCommitHistory(db.forOwner(2).history(), db.historyWriter(2));
    db.close();
    assertThatThrownBy(() -> history.append(new SmsEvent(Instant.now(), NumberParser.forRegion("CN").parse("13800138000"), "13800138000", Direction.INCOMING, "x"), null, "t"))
        .isInstanceOf(StoreException.class);
  }
}
