-- Dunshield schema version 3 (SQLite): the community reputation (docs/reputation.md).
-- A number is keyed by its E.164 digits as an integer (`digits`), so a block of 100 or 10,000
-- numbers is a range. Times are epoch milliseconds; vocabularies are the stable code() values of
-- the core enums. Nothing here records lookups.

CREATE TABLE reputation_reports (
  owner      INTEGER NOT NULL,
  digits     INTEGER NOT NULL,
  e164       TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  reporter   TEXT    NOT NULL,
  category   TEXT    NOT NULL,
  comment    TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  contested  INTEGER NOT NULL,
  PRIMARY KEY (owner, digits, reporter)
);
CREATE INDEX reputation_reports_reporter ON reputation_reports (owner, reporter, at);

CREATE TABLE reputation_reporters (
  owner         INTEGER NOT NULL,
  id            TEXT    NOT NULL,
  first_seen    INTEGER NOT NULL,
  vouched       INTEGER NOT NULL,
  confirmed     INTEGER NOT NULL,
  contradicted  INTEGER NOT NULL,
  PRIMARY KEY (owner, id)
);

CREATE TABLE reputation_disputes (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  owner        INTEGER NOT NULL,
  digits       INTEGER NOT NULL,
  e164         TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  claimant     TEXT    NOT NULL,
  statement    TEXT    NOT NULL,
  opened_at    INTEGER NOT NULL,
  state        TEXT    NOT NULL,
  resolved_at  INTEGER,
  rightful     TEXT
);
CREATE INDEX reputation_disputes_number ON reputation_disputes (owner, digits, state);

CREATE TABLE reputation_settings (
  owner  INTEGER NOT NULL,
  name   TEXT    NOT NULL,
  value  TEXT    NOT NULL,
  PRIMARY KEY (owner, name)
);
