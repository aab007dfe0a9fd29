package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.dunshield.core.settings.Settings;

/**
 * Finds the account a phone number belongs to through the {@code own-number} setting, for services
 * that receive calls addressed to a number (the SIP screening service maps a callee to the user whose
 * rules apply). No schema change: it reads the settings table. Thread-safe.
 */
public final class OwnNumbers {
  private final Sql sql;

  private OwnNumbers(Sql sql) {
    this.sql = sql;
  }

  /** The own-number lookup on {@code database}. */
  public static OwnNumbers of(Database database) {
    return new OwnNumbers(Objects.requireNonNull(database, "database").sql());
  }

  /**
   * The owner whose {@code own-number} setting is {@code e164}; the lowest owner id when several
   * accounts claim it, empty when none does.
   */
  public OptionalLong owner(String e164) {
    Objects.requireNonNull(e164, "e164");
    Long owner = e164.isEmpty() ? null : all().get(e164);
    return owner == null ? OptionalLong.empty() : OptionalLong.of(owner);
  }

  /**
   * Every own number (E.164) with the account it belongs to, the lowest owner id when several claim
   * one: one query for all, so a service can keep the whole map and refresh it now and then instead
   * of asking per call.
   */
  public Map<String, Long> all() {
    return sql.read("list own numbers", s -> {
      PreparedStatement select = s.prepare("SELECT value, MIN(owner) FROM settings WHERE name = '"
          + Settings.OWN_NUMBER + "' AND value <> '' GROUP BY value");
      Map<String, Long> owners = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          owners.put(rows.getString(1), rows.getLong(2));
        }
      }
      return java.util.Collections.unmodifiableMap(owners);
    });
  }
}
