-- Dunshield schema version 5 (SQLite): accounts for the multi-user web application, their
-- sessions, personal API tokens and the audit log; indexes for the paged history and the dashboard.
-- An account's id is the `owner` of its rows everywhere else (account 1 is the single-user owner).
-- Secrets are never stored: sessions and tokens by their SHA-256, passwords as Argon2id hashes.

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  username       TEXT    NOT NULL UNIQUE,
  password_hash  TEXT    NOT NULL,
  created_at     INTEGER NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash  TEXT    PRIMARY KEY,
  account     INTEGER NOT NULL REFERENCES accounts (id),
  csrf        TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  owner         INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  token_hash    TEXT    NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER
);
CREATE INDEX api_tokens_owner ON api_tokens (owner, id);

CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  owner    INTEGER,
  at       INTEGER NOT NULL,
  action   TEXT    NOT NULL,
  detail   TEXT    NOT NULL,
  address  TEXT
);
CREATE INDEX audit_log_owner_at ON audit_log (owner, at);

-- the dashboard's counts per day, channel and verdict read this index alone
CREATE INDEX history_owner_at_channel_action ON history (owner, at, channel, action);
-- top blocked numbers since a time
CREATE INDEX history_owner_action_at_e164 ON history (owner, action, at, e164);
