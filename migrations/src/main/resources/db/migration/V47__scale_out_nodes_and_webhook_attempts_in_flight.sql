-- Several nodes on one database (issue 17).
--
-- Each node says it is alive here every few seconds. A processor with several segments takes its fair
-- share of them, ceil(segments / live nodes), and gives up the rest, so the segments spread over the
-- nodes instead of staying with the first one that started; a node that stops saying it is alive stops
-- counting, and the others take its share.
-- Not in eventstore: that schema holds Axon's own tables and nothing else.
CREATE SCHEMA IF NOT EXISTS cluster;
CREATE TABLE cluster.nodes (
    name       TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL
);

-- A webhook attempt is written before its POST goes out and completed when the answer (or the error)
-- is known. One left without an answer was in flight when its node died: the receiver may or may not
-- have it, and the retry carries the same webhook-id so that it can tell. node names who sent it.
ALTER TABLE notifications.webhook_delivery_attempts
    ALTER COLUMN duration_ms DROP NOT NULL,
    ADD COLUMN node TEXT;
