-- FeatureFlags on the command side, changed in the transaction that appends their events. The
-- command side's in-memory flags (FeatureFlags) are loaded from these at start, and grants read a
-- flag's type from here in their own transaction.

CREATE TABLE command_side.features (
    slug    TEXT    PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    type    TEXT    NOT NULL
);

-- A team's or organization's own standing for a flag; no row: it inherits.
CREATE TABLE command_side.team_features (
    team_id INTEGER NOT NULL,
    slug    TEXT    NOT NULL,
    enabled BOOLEAN NOT NULL,
    CONSTRAINT team_features_pkey PRIMARY KEY (team_id, slug)
);

-- A user's own standing for a flag; no row: their teams decide.
CREATE TABLE command_side.user_features (
    user_id INTEGER NOT NULL,
    slug    TEXT    NOT NULL,
    enabled BOOLEAN NOT NULL,
    CONSTRAINT user_features_pkey PRIMARY KEY (user_id, slug)
);
