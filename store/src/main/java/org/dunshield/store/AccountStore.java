package org.dunshield.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Accounts of a multi-user installation, their sessions, personal API tokens and the audit log
 * (tables of migration 5), from {@link Database#accounts()}. An account's id is the owner id of its
 * data ({@link Database#forOwner(long)}). Secrets never reach this class: callers pass the Argon2id
 * hash of a password and the SHA-256 of a session or token. Everything that belongs to one account
 * (its tokens, its audit entries) is read and changed only together with that account's id, in SQL.
 * Thread-safe.
 */
public final class AccountStore {
  /** A stored account. */
  public record Account(long id, String username, String passwordHash, Instant createdAt, boolean disabled) {
    public Account {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(passwordHash, "passwordHash");
    }
  }

  /** A signed-in session, by the SHA-256 of its cookie; {@code csrf} is the form token of the session. */
  public record Session(String tokenHash, long account, String csrf, Instant createdAt, Instant expiresAt) {}

  /** A personal API token, without its secret. */
  public record ApiToken(long id, long owner, String name, Instant createdAt, Instant lastUsedAt) {}

  /** One audit entry: {@code action} is a stable code such as {@code sign_in} or {@code token_created}. */
  public record AuditEntry(long id, Long owner, Instant at, String action, String detail, String address) {}

  private final Sql sql;

  AccountStore(Sql sql) {
    this.sql = sql;
  }

  /** Creates an account; empty when the user name is taken. */
  public Optional<Account> create(String username, String passwordHash, Instant at) {
    return sql.write("create account " + username, s -> {
      PreparedStatement taken = s.prepare("SELECT 1 FROM accounts WHERE username = ?");
      taken.setString(1, username);
      try (ResultSet row = taken.executeQuery()) {
        if (row.next()) {
          return Optional.empty();
        }
      }
      PreparedStatement insert = s.prepare(
          "INSERT INTO accounts (username, password_hash, created_at, disabled) VALUES (?, ?, ?, 0) RETURNING id");
      insert.setString(1, username);
      insert.setString(2, passwordHash);
      insert.setLong(3, at.toEpochMilli());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return Optional.of(new Account(row.getLong(1), username, passwordHash, at, false));
      }
    });
  }

  public Optional<Account> find(String username) {
    return sql.read("find account " + username, s -> {
      PreparedStatement select = s.prepare(
          "SELECT id, username, password_hash, created_at, disabled FROM accounts WHERE username = ?");
      select.setString(1, username);
      return account(select);
    });
  }

  public Optional<Account> byId(long id) {
    return sql.read("find account " + id, s -> {
      PreparedStatement select = s.prepare(
          "SELECT id, username, password_hash, created_at, disabled FROM accounts WHERE id = ?");
      select.setLong(1, id);
      return account(select);
    });
  }

  /** How many accounts exist. */
  public long count() {
    return sql.read("count accounts", s -> {
      try (ResultSet row = s.prepare("SELECT COUNT(*) FROM accounts").executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  public void setPassword(long account, String passwordHash) {
    sql.write("change the password of account " + account, s -> {
      PreparedStatement update = s.prepare("UPDATE accounts SET password_hash = ? WHERE id = ?");
      update.setString(1, passwordHash);
      update.setLong(2, account);
      return update.executeUpdate();
    });
  }

  public void addSession(Session session) {
    sql.write("store a session", s -> {
      PreparedStatement insert = s.prepare(
          "INSERT INTO sessions (token_hash, account, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
      insert.setString(1, session.tokenHash());
      insert.setLong(2, session.account());
      insert.setString(3, session.csrf());
      insert.setLong(4, session.createdAt().toEpochMilli());
      insert.setLong(5, session.expiresAt().toEpochMilli());
      return insert.executeUpdate();
    });
  }

  /** The session with this token hash, if it exists, has not expired at {@code now} and its account is enabled. */
  public Optional<Session> session(String tokenHash, Instant now) {
    return sql.read("read a session", s -> {
      PreparedStatement select = s.prepare("SELECT s.token_hash, s.account, s.csrf, s.created_at, s.expires_at"
          + " FROM sessions s JOIN accounts a ON a.id = s.account"
          + " WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0");
      select.setString(1, tokenHash);
      select.setLong(2, now.toEpochMilli());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new Session(row.getString(1), row.getLong(2), row.getString(3),
            Instant.ofEpochMilli(row.getLong(4)), Instant.ofEpochMilli(row.getLong(5))));
      }
    });
  }

  public void removeSession(String tokenHash) {
    sql.write("remove a session", s -> {
      PreparedStatement delete = s.prepare("DELETE FROM sessions WHERE token_hash = ?");
      delete.setString(1, tokenHash);
      return delete.executeUpdate();
    });
  }

  /** Ends every session of an account (after a password change). */
  public void removeSessions(long account) {
    sql.write("remove the sessions of account " + account, s -> {
      PreparedStatement delete = s.prepare("DELETE FROM sessions WHERE account = ?");
      delete.setLong(1, account);
      return delete.executeUpdate();
    });
  }

  public ApiToken addToken(long owner, String name, String tokenHash, Instant at) {
    return sql.write("store an API token", s -> {
      PreparedStatement insert = s.prepare(
          "INSERT INTO api_tokens (owner, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id");
      insert.setLong(1, owner);
      insert.setString(2, name);
      insert.setString(3, tokenHash);
      insert.setLong(4, at.toEpochMilli());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new ApiToken(row.getLong(1), owner, name, at, null);
      }
    });
  }

  /** The tokens of {@code owner}, newest first. */
  public List<ApiToken> tokens(long owner) {
    return sql.read("list API tokens", s -> {
      PreparedStatement select = s.prepare(
          "SELECT id, owner, name, created_at, last_used_at FROM api_tokens WHERE owner = ? ORDER BY id DESC");
      select.setLong(1, owner);
      List<ApiToken> tokens = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long used = row.getLong(5);
          Instant lastUsed = row.wasNull() ? null : Instant.ofEpochMilli(used);
          tokens.add(new ApiToken(row.getLong(1), row.getLong(2), row.getString(3),
              Instant.ofEpochMilli(row.getLong(4)), lastUsed));
        }
      }
      return tokens;
    });
  }

  /** Revokes token {@code id} if {@code owner} owns it; returns whether it did. */
  public boolean revokeToken(long owner, long id) {
    return sql.write("revoke an API token", s -> {
      PreparedStatement delete = s.prepare("DELETE FROM api_tokens WHERE owner = ? AND id = ?");
      delete.setLong(1, owner);
      delete.setLong(2, id);
      return delete.executeUpdate() > 0;
    });
  }

  /** The owner of the token with this hash, when it exists and its account is enabled. */
  public OptionalLong tokenOwner(String tokenHash) {
    return sql.read("check an API token", s -> {
      PreparedStatement select = s.prepare("SELECT t.owner FROM api_tokens t JOIN accounts a ON a.id = t.owner"
          + " WHERE t.token_hash = ? AND a.disabled = 0");
      select.setString(1, tokenHash);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    });
  }

  /** Records when a token was last used (callers throttle how often). */
  public void touchToken(String tokenHash, Instant at) {
    sql.write("note an API token's use", s -> {
      PreparedStatement update = s.prepare("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?");
      update.setLong(1, at.toEpochMilli());
      update.setString(2, tokenHash);
      return update.executeUpdate();
    });
  }

  /** Appends to the audit log; {@code owner} is null for actions without a known account (a failed sign-in). */
  public void audit(Long owner, Instant at, String action, String detail, String address) {
    sql.write("write the audit log", s -> {
      PreparedStatement insert = s.prepare(
          "INSERT INTO audit_log (owner, at, action, detail, address) VALUES (?, ?, ?, ?, ?)");
      if (owner == null) {
        insert.setNull(1, Types.BIGINT);
      } else {
        insert.setLong(1, owner);
      }
      insert.setLong(2, at.toEpochMilli());
      insert.setString(3, action);
      insert.setString(4, detail == null ? "" : detail);
      insert.setString(5, address);
      return insert.executeUpdate();
    });
  }

  /** The newest {@code limit} audit entries of {@code owner}, newest first. */
  public List<AuditEntry> audit(long owner, int limit) {
    return sql.read("read the audit log", s -> {
      PreparedStatement select = s.prepare("SELECT id, owner, at, action, detail, address FROM audit_log"
          + " WHERE owner = ? ORDER BY at DESC, id DESC LIMIT ?");
      select.setLong(1, owner);
      select.setInt(2, limit);
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          entries.add(new AuditEntry(row.getLong(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3)),
              row.getString(4), row.getString(5), row.getString(6)));
        }
      }
      return entries;
    });
  }

  private static Optional<Account> account(PreparedStatement select) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(new Account(row.getLong(1), row.getString(2), row.getString(3),
          Instant.ofEpochMilli(row.getLong(4)), row.getInt(5) != 0));
    }
  }
}
