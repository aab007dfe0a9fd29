-- Dunshield schema version 1 (SQLite). Every table carries the owning account in `owner`;
-- every query filters by it. Codes are the stable code() values of the core enums.

CREATE TABLE rules (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  owner     INTEGER NOT NULL,
  action    TEXT    NOT NULL,
  kind      TEXT    NOT NULL,
  pattern   TEXT    NOT NULL,
  channel   TEXT    NOT NULL,
  priority  INTEGER NOT NULL,
  label     TEXT    NOT NULL,
  schedule  TEXT
);
CREATE INDEX rules_owner ON rules (owner, id);

CREATE TABLE contacts (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  owner  INTEGER NOT NULL,
  name   TEXT    NOT NULL,
  e164   TEXT    NOT NULL,
  kind   TEXT    NOT NULL,
  UNIQUE (owner, name, e164)
);

CREATE TABLE settings (
  owner  INTEGER NOT NULL,
  name   TEXT    NOT NULL,
  value  TEXT    NOT NULL,
  PRIMARY KEY (owner, name)
);

CREATE TABLE history (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  owner             INTEGER NOT NULL,
  channel           TEXT    NOT NULL,
  direction         TEXT    NOT NULL,
  at                INTEGER NOT NULL,
  e164              TEXT,
  number_kind       TEXT,
  raw_number        TEXT    NOT NULL,
  presentation      TEXT,
  call_type         TEXT,
  duration_seconds  INTEGER,
  contact_name      TEXT,
  body              TEXT,
  action            TEXT,
  check_id          TEXT,
  rule_id           INTEGER,
  category          TEXT,
  reason_zh         TEXT,
  reason_en         TEXT,
  source            TEXT    NOT NULL,
  dedup_key         TEXT    NOT NULL,
  UNIQUE (owner, dedup_key)
);
CREATE INDEX history_owner_number_at ON history (owner, e164, at);
CREATE INDEX history_owner_at ON history (owner, at);
