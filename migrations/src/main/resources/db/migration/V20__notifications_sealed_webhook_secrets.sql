-- The dispatcher keeps each webhook's secret sealed (AES-256-GCM, 'v1:...'), as the events carry it,
-- and the delivery task opens it only to sign a POST. cal.com's "Webhook".secret stays plaintext.
ALTER TABLE notifications.webhook_subscriptions RENAME COLUMN secret TO encrypted_secret;

-- SQL has no key: a secret kept before this version is marked, and the command side seals it at its
-- next start, before any delivery is made (see LegacyWebhookSecrets).
UPDATE notifications.webhook_subscriptions SET encrypted_secret = 'plain:' || encrypted_secret
WHERE encrypted_secret IS NOT NULL;
