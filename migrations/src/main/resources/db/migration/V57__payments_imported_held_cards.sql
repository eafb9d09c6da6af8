-- A HOLD payment imported from cal.com saved its card on the host's connected account, where cal.com
-- keeps the SetupIntent's customer and payment method in Payment.data.setupIntent: the no-show charge
-- uses them as cal.com does. Null for the payments this system makes (it asks Stripe's SetupIntent).
ALTER TABLE payments.booking_payments ADD COLUMN stripe_customer TEXT;
ALTER TABLE payments.booking_payments ADD COLUMN stripe_payment_method TEXT;
