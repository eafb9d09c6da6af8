-- What the Stripe processor knows of each booking's payment, to refund it on cancellation and to
-- show it in the booking's answers. Not a
-- cal.com table, and no projection replay touches it: calling Stripe is a side effect that must
-- happen once, not be rebuilt.
CREATE SCHEMA IF NOT EXISTS payments;

CREATE TABLE payments.booking_payments (
    booking_uid       TEXT PRIMARY KEY,
    booking_id        INTEGER     NOT NULL,
    amount            INTEGER     NOT NULL,
    currency          TEXT        NOT NULL,
    payment_option    TEXT        NOT NULL,
    refund_policy     TEXT        NOT NULL,
    refund_days_count INTEGER,
    payment_uid       TEXT,
    payment_id        INTEGER,
    external_id       TEXT,
    -- What the booker confirms the PaymentIntent (or SetupIntent) with, for the booking's answer.
    client_secret     TEXT,
    paid              BOOLEAN     NOT NULL DEFAULT false,
    refunded          BOOLEAN     NOT NULL DEFAULT false,
    -- A HOLD's saved card was charged for a no-show.
    charged           BOOLEAN     NOT NULL DEFAULT false,
    -- The booking no longer takes place: its intent is cancelled, a payment that comes anyway refunded.
    cancelled         BOOLEAN     NOT NULL DEFAULT false
);
