-- What the booking's answers show of a payment that did not go as planned: an attempt to pay that
-- failed, an intent Stripe canceled, and a refund Stripe refused or missed, which is retried until it
-- is made (refund_failures counts the failed attempts; last_error says why the last one failed).
ALTER TABLE payments.booking_payments
    ADD COLUMN failed           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN intent_cancelled BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN refund_failures  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN last_error       TEXT;
