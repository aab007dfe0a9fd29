package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.settings.Settings;
import org.dunshield.core.settings.SettingsRepository;

/**
 * One owner's settings in the {@code settings} table, one row per key. Keys this version does not
 * know (written by a newer one) are kept on save and ignored on load. Thread-safe.
 */
final class SettingsTable implements SettingsRepository {
  private static final Set<String> KNOWN = Settings.defaults().asMap().keySet();

  private final Sql sql;
  private final long owner;

  SettingsTable(Sql sql, long owner) {
    this.sql = sql;
    this.owner = owner;
  }

  @Override
  public Settings load() {
    return sql.read("load settings", s -> {
      PreparedStatement select = s.prepare("SELECT name, value FROM settings WHERE owner = ?");
      select.setLong(1, owner);
      Map<String, String> stored = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (KNOWN.contains(rows.getString(1))) {
            stored.put(rows.getString(1), rows.getString(2));
          }
        }
      }
      return Settings.fromMap(stored);
    });
  }

  @Override
  public void save(Settings settings) {
    sql.write("save settings", s -> {
      PreparedStatement upsert = s.prepare("INSERT INTO settings (owner, name, value)"
          + " VALUES (?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET value = excluded.value");
      for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
        upsert.setLong(1, owner);
        upsert.setString(2, e.getKey());
        upsert.setString(3, e.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
      return null;
    });
  }
}
