package org.dunshield.store.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dunshield.core.reputation.Report;
import org.dunshield.core.reputation.ReputationRepository;
import org.dunshield.core.reputation.ReputationRepositoryContract;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reputation repository contract on SQLite, in a fresh data directory per test. */
class SqliteReputationTest extends ReputationRepositoryContract {
  @TempDir Path dataDir;
  private ReputationStore store;

  @Override
  protected ReputationRepository emptyRepository() {
    store = ReputationStore.openDirectory(dataDir);
    return store.reputation();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void ownersDoNotSeeEachOthersReports() {
    store = ReputationStore.openDirectory(dataDir);
    store.forOwner(1).record(new Report(COLLECTOR, Category.FRAUD, "", "a", T0), List.of());
    assertThat(store.forOwner(2).reportsOn(COLLECTOR)).isEmpty();
    assertThat(store.forOwner(2).countReports()).isZero();
    assertThat(store.forOwner(1).countReports()).isEqualTo(1);
  }

  @Test
  void reportsSurviveReopening() {
    try (ReputationStore first = ReputationStore.openDirectory(dataDir)) {
      first.reputation().record(new Report(COLLECTOR, Category.FRAUD, "x", "a", T0), List.of());
    }
    store = ReputationStore.openDirectory(dataDir);
    assertThat(store.reputation().find(COLLECTOR, "a")).isPresent();
  }
}
