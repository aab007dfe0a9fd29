-- (owner, at) is the prefix of history_owner_at_channel_action (V5), which serves every query it
-- served. Each screened event updated both; the history writer is the screening API's bottleneck.
DROP INDEX history_owner_at;
