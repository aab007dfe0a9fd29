package org.dunshield.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.Presentation;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.screen.Verdict;
import org.junit.jupiter.api.Test;

class LiveHistoryTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant T0 = Instant.parse("2026-10-12T12:00:00Z");

  /** Counts incoming calls in the last hour: rebuilt from {@code incoming}, then fed. */
  private static final class CallCounter implements LiveHistory.Tracker {
    int calls;
    long newest = Long.MIN_VALUE;

    @Override
    public void rebuild(RecentActivity history, Instant at) {
      history.incoming(Channel.CALL, at.minusSeconds(3600), at).forEach(this::add);
    }

    @Override
    public void add(HistoryEntry entry) {
      if (entry.event().channel() == Channel.CALL && entry.event().incoming()) {
        calls++;
        newest = Math.max(newest, entry.event().at().toEpochMilli());
      }
    }

    @Override
    public long newest() {
      return newest;
    }
  }

  private final MemoryHistoryRepository store = new MemoryHistoryRepository();
  private final LiveHistory live = new LiveHistory(store);

  private static CallEvent call(String number, int seconds) {
    return CallEvent.incoming(T0.plusSeconds(seconds), CN.parse(number), Presentation.ALLOWED);
  }

  private static int count(RecentActivity history, int seconds) {
    return count(history, "v1", seconds);
  }

  private static int count(RecentActivity history, String version, int seconds) {
    Integer calls = LiveHistory.track(history, "calls", version, T0.plusSeconds(seconds), CallCounter::new, t -> t.calls);
    return calls;
  }

  @Test
  void buildsATrackerOnceAndThenFeedsItWhatWasAppended() {
    store.append(call("13800000001", 0), null, "import");
    for (int i = 1; i <= 50; i++) {
      assertThat(count(live, i)).isEqualTo(i);
      live.append(call("138000000" + String.format("%02d", i), i), null, "test");
    }

    assertThat(store.incomingReads()).isEqualTo(1);
    assertThat(count(store, 51)).as("a rebuild from the store agrees").isEqualTo(51);
  }

  @Test
  void rebuildsWhenAnotherProcessWrote() {
    live.append(call("13800000001", 1), null, "test");
    assertThat(count(live, 2)).isEqualTo(1);

    store.append(call("13800000002", 2), null, "another process");
    assertThat(count(live, 3)).as("not seen before a refresh").isEqualTo(1);
    live.refresh();

    assertThat(count(live, 3)).isEqualTo(2);
    assertThat(store.incomingReads()).isEqualTo(2);
    live.refresh();
    assertThat(count(live, 4)).as("nothing new: no rebuild").isEqualTo(2);
    assertThat(store.incomingReads()).isEqualTo(2);
  }

  @Test
  void ownRowsStoredButNotYetLoggedNeverLookForeign() {
    assertThat(count(live, 0)).isZero();
    store.afterAppend(live::refresh); // a check that runs between the store's commit and the log
    for (int i = 1; i <= 5; i++) {
      live.append(call("1380000000" + i, i), null, "test");
    }
    store.afterAppend(() -> {});
    live.refresh();

    assertThat(count(live, 6)).isEqualTo(5);
    assertThat(store.incomingReads()).as("never rebuilt").isEqualTo(1);
    store.append(call("13800000009", 6), null, "another process");
    live.refresh();
    assertThat(count(live, 7)).isEqualTo(6);
    assertThat(store.incomingReads()).isEqualTo(2);
  }

  /** The memory store, answering {@code appendAsync} only when the test completes the stage. */
  private static final class DeferredStore extends ForwardingHistory {
    final List<CompletableFuture<Long>> pending = new ArrayList<>();
    final List<Long> pendingIds = new ArrayList<>();

    DeferredStore(HistoryRepository store) {
      super(store);
    }

    @Override
    public CompletionStage<Long> appendAsync(Event event, Verdict verdict, String source) {
      long id = store().append(event, verdict, source); // stored now, acknowledged later
      CompletableFuture<Long> ack = new CompletableFuture<>();
      pending.add(ack);
      pendingIds.add(id);
      return ack;
    }

    void acknowledge(int i) {
      pending.get(i).complete(pendingIds.get(i));
    }
  }

  @Test
  void anAsyncAppendIsCountedOnceStoredAndItsRowNeverLooksForeignMeanwhile() {
    DeferredStore deferred = new DeferredStore(store);
    LiveHistory async = new LiveHistory(deferred);
    assertThat(count(async, 0)).isZero();
    CompletionStage<Long> first = async.appendAsync(call("13800000001", 1), null, "test");
    CompletionStage<Long> second = async.appendAsync(call("13800000002", 2), null, "test");
    async.refresh();
    assertThat(count(async, 3)).as("not acknowledged yet").isZero();

    deferred.acknowledge(0);
    deferred.acknowledge(1);
    assertThat(first.toCompletableFuture().join()).isEqualTo(1L);
    assertThat(second.toCompletableFuture().join()).isEqualTo(2L);
    async.refresh();
    assertThat(count(async, 4)).isEqualTo(2);
    assertThat(store.incomingReads()).as("never rebuilt: its own rows were in flight").isEqualTo(1);
  }

  @Test
  void aFailedAsyncAppendIsNotCountedAndLeavesNothingInFlight() {
    DeferredStore deferred = new DeferredStore(store);
    LiveHistory async = new LiveHistory(deferred);
    assertThat(count(async, 0)).isZero();
    CompletionStage<Long> failed = async.appendAsync(call("13800000001", 1), null, "test");
    deferred.pending.get(0).completeExceptionally(new IllegalStateException("disk full"));

    assertThat(failed.toCompletableFuture()).isCompletedExceptionally();
    async.refresh();
    assertThat(count(async, 2)).as("the row the store kept counts as another writer's: rebuilt").isEqualTo(1);
    assertThat(store.incomingReads()).isEqualTo(2);
  }

  @Test
  void anEventTheStoreAlreadyHasIsNotCountedTwice() {
    CallEvent once = call("13800000001", 1);
    assertThat(count(live, 1)).isZero();
    long id = live.append(once, null, "test");

    assertThat(live.append(once, null, "test")).isEqualTo(id);
    assertThat(count(live, 2)).isEqualTo(1);
  }

  @Test
  void aNewVersionOrAnImportRebuilds() {
    live.append(call("13800000001", 1), null, "test");
    count(live, 2);
    assertThat(count(live, "v2", 2)).isEqualTo(1);
    assertThat(store.incomingReads()).isEqualTo(2);

    live.importAll(List.of(call("13800000009", -60)).iterator(), "calls.xml");

    assertThat(count(live, "v2", 3)).isEqualTo(2);
    assertThat(store.incomingReads()).isEqualTo(3);
  }

  @Test
  void anEventFarOlderThanTheNewestIsAnsweredByAOneOffRebuild() {
    for (int i = 0; i < 5; i++) {
      live.append(call("1380000000" + i, 600 + i), null, "test");
    }
    assertThat(count(live, 700)).isEqualTo(5);

    assertThat(count(live, 300)).as("the history before 12:05 holds nothing").isZero();
    assertThat(count(live, 700)).as("the live tracker is untouched").isEqualTo(5);
  }

  @Test
  void aTrackerFarBehindTheLogRebuilds() {
    count(live, 0);
    for (int i = 0; i < LiveHistory.MAX_LOG + 10; i++) {
      live.append(CallEvent.incoming(T0.plusMillis(i), CN.parse("13800000001"), Presentation.ALLOWED), null, "t");
    }
    int reads = store.incomingReads();

    assertThat(count(live, 70)).isEqualTo(LiveHistory.MAX_LOG + 10);
    assertThat(store.incomingReads()).isEqualTo(reads + 1);
  }
}
