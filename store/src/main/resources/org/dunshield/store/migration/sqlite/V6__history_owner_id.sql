-- Chaining new history rows into the evidence log reads one owner's rows after its last linked id.
-- Without this index that read walked every row any account had written since (the primary key),
-- which made each call cost grow with the number of accounts sharing the database.
CREATE INDEX history_owner_id ON history (owner, id);
