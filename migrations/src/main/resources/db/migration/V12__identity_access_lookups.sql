-- Identity & Access on the command side: what authentication and the rules that span aggregates
-- need to know, changed in the transaction that appends the events it follows.

-- Authentication reads a user's system role and lock state with the key.
ALTER TABLE command_side.user_registry
    ADD COLUMN role                  TEXT    NOT NULL DEFAULT 'USER',
    ADD COLUMN locked                BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN disable_impersonation BOOLEAN NOT NULL DEFAULT false;

-- A team's slug is unique among top-level teams, and among the sub-teams of one organization,
-- as cal.com's two unique indexes on "Team" have it.
CREATE TABLE command_side.team_registry (
    team_id               INTEGER NOT NULL,
    parent_id             INTEGER,
    slug                  TEXT,
    is_organization       BOOLEAN NOT NULL,
    org_auto_accept_email TEXT,
    CONSTRAINT team_registry_pkey PRIMARY KEY (team_id)
);
CREATE UNIQUE INDEX team_registry_top_level_slug_key ON command_side.team_registry (slug) WHERE parent_id IS NULL;
CREATE UNIQUE INDEX team_registry_sub_team_slug_key ON command_side.team_registry (parent_id, slug) WHERE parent_id IS NOT NULL;
CREATE INDEX team_registry_parent_idx ON command_side.team_registry (parent_id);

-- One membership per user and team. A team keeps at least one accepted owner: changes to a team's
-- members lock its team_registry row first, so two concurrent removals of owners are serialized.
CREATE TABLE command_side.team_members (
    membership_id         INTEGER NOT NULL,
    team_id               INTEGER NOT NULL,
    user_id               INTEGER NOT NULL,
    role                  TEXT    NOT NULL,
    accepted              BOOLEAN NOT NULL,
    disable_impersonation BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT team_members_pkey PRIMARY KEY (membership_id),
    CONSTRAINT team_members_team_user_key UNIQUE (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON command_side.team_members (user_id);

-- A username is unique inside an organization (cal.com's Profile).
CREATE TABLE command_side.org_usernames (
    org_id         INTEGER NOT NULL,
    username_lower TEXT    NOT NULL,
    user_id        INTEGER NOT NULL,
    CONSTRAINT org_usernames_pkey PRIMARY KEY (org_id, username_lower),
    CONSTRAINT org_usernames_org_user_key UNIQUE (org_id, user_id)
);

-- API keys by their hash. Authentication reads this table, so a revoked key stops working with
-- the commit that revokes it.
CREATE TABLE command_side.api_keys (
    key_id     TEXT    NOT NULL,
    hashed_key TEXT    NOT NULL,
    user_id    INTEGER NOT NULL,
    team_id    INTEGER,
    expires_at TIMESTAMPTZ,
    CONSTRAINT api_keys_pkey PRIMARY KEY (key_id),
    CONSTRAINT api_keys_hashed_key_key UNIQUE (hashed_key)
);
CREATE INDEX api_keys_team_idx ON command_side.api_keys (team_id);

-- An identity provider's account links to one user only.
CREATE TABLE command_side.linked_accounts (
    account_id          TEXT    NOT NULL,
    provider            TEXT    NOT NULL,
    provider_account_id TEXT    NOT NULL,
    user_id             INTEGER NOT NULL,
    CONSTRAINT linked_accounts_pkey PRIMARY KEY (account_id),
    CONSTRAINT linked_accounts_provider_key UNIQUE (provider, provider_account_id)
);
