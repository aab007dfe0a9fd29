-- The dialled-number exception asks, on every screened call, whether the user called that number in
-- the last days. Through (owner, e164, at) that read walked every call from the number too (a
-- collector's hundreds of incoming calls); this partial index holds only the outgoing calls.
CREATE INDEX history_owner_dialled ON history (owner, e164, at) WHERE channel = 'call' AND direction = 'out';
