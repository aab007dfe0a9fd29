package org.dunshield.core.reputation;

/** The repository contract on the in-memory repository. */
class InMemoryReputationRepositoryTest extends ReputationRepositoryContract {
  @Override
  protected ReputationRepository emptyRepository() {
    return new InMemoryReputationRepository();
  }
}
