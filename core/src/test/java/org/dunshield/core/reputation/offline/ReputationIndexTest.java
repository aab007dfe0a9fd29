package org.dunshield.core.reputation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.InMemoryReputationRepository;
import org.dunshield.core.reputation.Reporter;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.ReputationCheck;
import org.dunshield.core.reputation.ReputationPolicy;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.reputation.TestClock;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

/** The offline index answers like the live reputation it was published from. */
class ReputationIndexTest {
  private static final NumberParser CN = NumberParser.forRegion("CN");
  private static final Instant T0 = Instant.parse("2026-10-14T02:00:00Z");
  private final TestClock clock = new TestClock(T0);
  private final InMemoryReputationRepository repo = new InMemoryReputationRepository();
  private final Reputations reputations = new Reputations(repo, ReputationPolicy.defaults(), clock);

  private void settle(String raw, Category c, int reporters) {
    for (int i = 0; i < reporters; i++) {
      repo.saveReporters(List.of(new Reporter("r" + i, T0.minus(Duration.ofDays(400)), false, 0, 0)));
      reputations.report(CN.parse(raw), c, "", "r" + i);
    }
  }

  private static byte[] snapshotOf(Publication p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.writeSnapshot(out);
    return out.toByteArray();
  }

  @Test
  void aPublishedSnapshotScreensLikeTheLiveReputation() throws IOException {
    for (String n : List.of("17188880001", "17188880017", "17188880042", "17188880063", "17188880088")) {
      settle(n, Category.DEBT_COLLECTION, 2);
    }
    settle("13800138000", Category.DELIVERY, 3);
    settle("13900139000", Category.FRAUD, 1); // published, below the threshold
    Publication p = Publication.of(reputations, clock.instant());
    assertThat(p.size()).isEqualTo(7);
    assertThat(p.blocks()).isEqualTo(1);
    ReputationIndex index = ReputationIndex.load(new ByteArrayInputStream(snapshotOf(p)), 0.6);
    assertThat(index.version()).isEqualTo(T0.toEpochMilli());

    for (String raw : List.of("17188880001", "17188880099", "13800138000", "13900139000", "13700001234")) {
      PhoneNumber n = CN.parse(raw);
      Reputation live = reputations.lookup(n);
      Reputation offline = index.lookup(n, clock.instant());
      assertThat(offline.category()).as(raw).isEqualTo(live.category());
      assertThat(offline.source()).as(raw).isEqualTo(live.source());
      assertThat(offline.settled(0.6)).as(raw).isEqualTo(live.settled(0.6));
    }
    Reputation fresh = index.lookup(CN.parse("17188880099"), clock.instant());
    assertThat(ReputationCheck.reason(fresh).en()).isEqualTo("debt collection — block +86171888800xx: 5 numbers reported");
  }

  @Test
  void aDeltaAddsChangesAndRemovesInPlace() throws IOException {
    settle("17188880001", Category.DEBT_COLLECTION, 2);
    Publication first = Publication.of(reputations, clock.instant());
    ReputationIndex index = ReputationIndex.load(new ByteArrayInputStream(snapshotOf(first)), 0.6);
    clock.advance(Duration.ofDays(1));
    settle("17188880002", Category.FRAUD, 3);
    reputations.dispute(CN.parse("17188880001"), "owner", "mine");
    Publication second = Publication.of(reputations, clock.instant());
    ByteArrayOutputStream delta = new ByteArrayOutputStream();
    second.writeDeltaFrom(first, delta);
    index.apply(new ByteArrayInputStream(delta.toByteArray()));
    assertThat(index.lookup(CN.parse("17188880002"), clock.instant()).category()).isEqualTo(Category.FRAUD);
    assertThat(index.lookup(CN.parse("17188880001"), clock.instant()).disputed()).isTrue();
    assertThat(index.version()).isEqualTo(second.version());
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void lookupsContinueWhileTheIndexIsRebuiltAndDeltasGrowIt() throws Exception {
    ReputationIndex.Builder b = ReputationIndex.builder(1_000, 1);
    for (long k = 1; k <= 1_000; k++) {
      b.number(8613800000000L + k, Label.encode(Category.FRAUD, 1, 3, false));
    }
    ReputationIndex index = b.build(0.6);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong misses = new AtomicLong();
    AtomicLong lookups = new AtomicLong();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        for (long k = 1; k <= 1_000; k++) {
          if (index.label(8613800000000L + k) == 0) {
            misses.incrementAndGet();
          }
          lookups.incrementAndGet();
        }
      }
    });
    reader.start();
    long version = 1;
    for (int round = 0; round < 20; round++) {
      // a delta with 5,000 new numbers: the table grows and is swapped while the reader reads
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SnapshotWriter w = SnapshotWriter.delta(out, version, version + 1, 5_000, 0);
      for (long k = 0; k < 5_000; k++) {
        w.number(8613900000000L + round * 10_000L + k, Label.encode(Category.MARKETING, 0.8, 1, false));
      }
      w.finish();
      index.apply(new ByteArrayInputStream(out.toByteArray()));
      version++;
    }
    stop.set(true);
    reader.join();
    assertThat(lookups.get()).isPositive();
    assertThat(misses.get()).as("no lookup of a present number ever missed").isZero();
    assertThat(index.size()).isEqualTo(1_000 + 20 * 5_000);
    assertThat(index.footprintBytes() / index.size()).as("bytes per number").isLessThanOrEqualTo(16);
  }

  @Test
  void aTableSizedForItsEntriesUsesAbout11BytesPerNumber() {
    for (long n : new long[] {1_000_000, 1_500_000, 2_100_000}) {
      PackedTable t = PackedTable.forEntries(n);
      assertThat((double) t.footprintBytes() / n).as("n=%d", n).isLessThan(10.7);
    }
  }
}
