package org.dunshield.store;

import java.util.Arrays;
import javax.sql.DataSource;
import org.dunshield.store.internal.QuietFlywayLog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with Flyway: the scripts are
 * {@code org/dunshield/store/migration/<dialect>/V<n>__<description>.sql} on the class path, each
 * applied in its own transaction and recorded in {@code schema_version}. Refuses a database whose
 * schema is newer than the scripts this code knows, and one whose applied scripts were edited.
 */
final class Migrations {
  static final String HISTORY_TABLE = "schema_version";

  private Migrations() {}

  /** Applies pending scripts; returns the schema version now in force. */
  static String apply(Dialect dialect, DataSource source) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(source)
        .locations(dialect.migrations())
        .table(HISTORY_TABLE)
        .loggers(QuietFlywayLog.class.getName())
        .failOnMissingLocations(true)
        .ignoreMigrationPatterns(new String[0])
        .load();
    try {
      MigrateResult result = flyway.migrate();
      // Read the version from the table, not from the result: when several processes open a new
      // directory at once, the one that applied nothing may have seen another half-way through.
      String current = currentVersion(source);
      return current != null ? current
          : result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    } catch (FlywayValidateException e) {
      refuseNewerSchema(flyway.info()); // only now: reading the schema's state costs time at every start
      throw new StoreException("migrate the database schema", e);
    } catch (FlywayException e) {
      throw new StoreException("migrate the database schema", e);
    }
  }

  private static String currentVersion(DataSource source) {
    String query = "SELECT version FROM " + HISTORY_TABLE
        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC";
    try (java.sql.Connection c = source.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rows = s.executeQuery(query)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new StoreException("read the schema version", e);
    }
  }

  private static void refuseNewerSchema(MigrationInfoService info) {
    boolean newer = Arrays.stream(info.applied())
        .map(MigrationInfo::getState)
        .anyMatch(s -> s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED);
    if (newer) {
      throw new StoreException("the database schema is at version " + info.current().getVersion()
          + ", newer than this version of Dunshield knows; upgrade Dunshield to open it");
    }
  }
}
