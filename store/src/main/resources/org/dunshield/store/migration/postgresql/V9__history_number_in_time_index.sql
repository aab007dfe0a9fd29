-- Every screened event put one entry into (owner, e164, at) at a random place (callers arrive in no
-- order), so each event dirtied a page of its own: about half the history writer's cost per event,
-- and the writer is the screening API's bottleneck. The detectors do not need it (their trackers
-- keep their windows in memory, the dialled-number check has the partial index of V7, and a window
-- of minutes read from the store is found by time). The history page's number filter walks the
-- owner's events newest first instead, as its text filter does; with the number in the time index
-- that walk reads only the index until a row matches (a number no event has, among 100,000 events:
-- tens of milliseconds, where fetching each row to compare its number took about a hundred).
DROP INDEX history_owner_number_at;
DROP INDEX history_owner_at_channel_action;
CREATE INDEX history_owner_at_channel_action_e164 ON history (owner, at, channel, action, e164);
