-- A node that dies (killed, out of memory, its container stopped) loses its database connections at
-- once, long before it misses enough heartbeats to count as dead. Each node holds one connection for
-- as long as it lives and names it here (its backend's pid and start, so a reused pid is not taken
-- for it): while that backend is in pg_stat_activity the node's process lives. The others then free
-- a dead node's segments within a heartbeat, and a request that waits for the projections knows
-- whether their node is gone (README: Running several nodes).
-- processors: the event processors the node runs, so that one knows whether anyone could take over.
ALTER TABLE cluster.nodes
    ADD COLUMN session_pid     INTEGER,
    ADD COLUMN session_started TIMESTAMPTZ,
    ADD COLUMN processors      TEXT[] NOT NULL DEFAULT '{}';
