-- Dunshield schema version 2 (SQLite): the loan desk. Amounts and rates are stored as exact
-- decimal text (e.g. '10000.00', '0.05'), dates as ISO text, vocabularies as the stable code() values
-- of the core enums (org.dunshield.core.loan), terms as '12m' or '30d'.

CREATE TABLE loans (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  owner                INTEGER NOT NULL,
  lender_name          TEXT    NOT NULL,
  lender_kind          TEXT    NOT NULL,
  loan_type            TEXT    NOT NULL,
  currency             TEXT    NOT NULL,
  purpose              TEXT    NOT NULL,
  amount               TEXT    NOT NULL,
  received             TEXT    NOT NULL,
  rate_percent         TEXT    NOT NULL,
  rate_basis           TEXT    NOT NULL,
  term                 TEXT    NOT NULL,
  method               TEXT    NOT NULL,
  signed_on            TEXT    NOT NULL,
  start_on             TEXT    NOT NULL,
  day_count            TEXT    NOT NULL,
  fee_upfront          TEXT    NOT NULL,
  fee_per_period       TEXT    NOT NULL,
  overdue_rate_percent TEXT,
  overdue_rate_basis   TEXT,
  damages_percent      TEXT    NOT NULL
);
CREATE INDEX loans_owner ON loans (owner, id);

CREATE TABLE loan_payments (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  owner    INTEGER NOT NULL,
  loan_id  INTEGER NOT NULL REFERENCES loans (id),
  paid_on  TEXT    NOT NULL,
  amount   TEXT    NOT NULL
);
CREATE INDEX loan_payments_owner_loan ON loan_payments (owner, loan_id, id);
