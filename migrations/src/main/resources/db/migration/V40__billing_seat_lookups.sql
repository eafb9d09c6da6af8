-- Billing / Seats on the command side, changed in the transaction that appends their events.

-- A team's or organization's billing row as seat limits need it. seats_taken is claimed by a
-- conditional update of this row, so two concurrent accepts for the last seat are serialized on its
-- lock and the second finds no seat left: at most paid_seats seats are ever held.
CREATE TABLE command_side.billing (
    team_id         INTEGER PRIMARY KEY,
    billing_id      TEXT    NOT NULL,
    organization    BOOLEAN NOT NULL,
    subscription_id TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    paid_seats      INTEGER,
    seats_taken     INTEGER NOT NULL DEFAULT 0,
    -- cal.com's TeamBilling and OrganizationBilling each have a unique subscriptionId.
    CONSTRAINT billing_subscription_key UNIQUE (organization, subscription_id)
);

-- Who holds a seat where: one per organization and user, as the Seat table's unique key.
CREATE TABLE command_side.seats (
    org_id  INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    CONSTRAINT seats_pkey PRIMARY KEY (org_id, user_id)
);
