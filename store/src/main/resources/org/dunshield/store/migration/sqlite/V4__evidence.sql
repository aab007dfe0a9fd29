-- Dunshield schema version 4 (SQLite): cases, attachments and the tamper-evident evidence log.
-- See docs/evidence.md for the chain format. Every table carries the owning account in `owner`.

CREATE TABLE cases (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  owner       INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  numbers     TEXT    NOT NULL,  -- E.164 numbers separated by commas; empty = any number
  from_at     INTEGER,           -- epoch milliseconds, inclusive; NULL = open
  to_at       INTEGER,           -- epoch milliseconds, exclusive; NULL = open
  created_at  INTEGER NOT NULL,
  UNIQUE (owner, name)
);

CREATE TABLE attachments (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  owner     INTEGER NOT NULL,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  name      TEXT    NOT NULL,
  sha256    TEXT    NOT NULL,    -- the file is stored as attachments/<sha256[0:2]>/<sha256>
  size      INTEGER NOT NULL,
  added_at  INTEGER NOT NULL
);
CREATE INDEX attachments_owner_case ON attachments (owner, case_id, id);

-- One hash chain per owner: link `seq` records `kind` number `ref` (a history or attachment id).
CREATE TABLE evidence_log (
  owner         INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  kind          TEXT    NOT NULL,
  ref           INTEGER NOT NULL,
  content_hash  TEXT    NOT NULL,
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL,
  recorded_at   INTEGER NOT NULL,
  PRIMARY KEY (owner, seq)
);

-- The chain's head per owner, and the lock every history and attachment writer takes first, so that
-- links are appended in one order; last_event_id is the newest history id already chained.
CREATE TABLE evidence_head (
  owner          INTEGER PRIMARY KEY,
  seq            INTEGER NOT NULL,
  hash           TEXT    NOT NULL,
  last_event_id  INTEGER NOT NULL
);
