package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    if (e164.isEmpty()) {
      return OptionalLong.empty();
    }
    return sql.read("find the owner of " + e164, s -> {
      PreparedStatement select = s.prepare(
          "SELECT MIN(owner) FROM settings WHERE name = '" + Settings.OWN_NUMBER + "' AND value = ?");
      select.setString(1, e164);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          long owner = rows.getLong(1);
          return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(owner);
        }
        return OptionalLong.empty();
      }
    });
  }
}
