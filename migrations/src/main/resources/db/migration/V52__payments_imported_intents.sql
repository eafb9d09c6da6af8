-- Payments imported from cal.com were made on the host's connected Stripe account (cal.com keeps it in
-- Payment.data.stripeAccount): their refunds, cancels and charges must name that account, or Stripe
-- does not find the intent. Null for the payments this system makes on its own account.
ALTER TABLE payments.booking_payments ADD COLUMN stripe_account TEXT;
-- cal.com's intents carry no booking uid in their metadata: Stripe's webhook finds their payment by
-- the intent's id.
CREATE INDEX booking_payments_external_id_idx ON payments.booking_payments (external_id);
