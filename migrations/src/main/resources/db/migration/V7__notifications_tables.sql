-- Notifications: webhooks, their scheduled triggers, reminder mails.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "ReminderType" AS ENUM ('PENDING_BOOKING_CONFIRMATION');

CREATE TYPE "WebhookTriggerEvents" AS ENUM ('BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED', 'FORM_SUBMITTED', 'MEETING_ENDED', 'RECORDING_READY', 'BOOKING_PAID', 'BOOKING_REQUESTED', 'BOOKING_REJECTED', 'BOOKING_PAYMENT_INITIATED', 'MEETING_STARTED', 'INSTANT_MEETING', 'OOO_CREATED', 'BOOKING_NO_SHOW_UPDATED', 'RECORDING_TRANSCRIPTION_GENERATED', 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW', 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW', 'FORM_SUBMITTED_NO_EVENT', 'DELEGATION_CREDENTIAL_ERROR');

CREATE TABLE "ReminderMail" (
    "id" SERIAL NOT NULL,
    "referenceId" INTEGER NOT NULL,
    "reminderType" "ReminderType" NOT NULL,
    "elapsedMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderMail_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ReminderMail_referenceId_idx" ON "ReminderMail" ("referenceId");

CREATE INDEX "ReminderMail_reminderType_idx" ON "ReminderMail" ("reminderType");

CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "userId" INTEGER,
    "subscriberUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "eventTriggers" "WebhookTriggerEvents"[],
    "payloadTemplate" TEXT,
    "eventTypeId" INTEGER,
    "appId" TEXT,
    "secret" TEXT,
    "teamId" INTEGER,
    "platform" BOOLEAN NOT NULL DEFAULT false,
    "platformOAuthClientId" TEXT,
    "time" INTEGER,
    "timeUnit" "TimeUnit",
    "version" TEXT NOT NULL DEFAULT '2021-10-20'::text,
    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Webhook_active_idx" ON "Webhook" ("active");

CREATE UNIQUE INDEX "Webhook_id_key" ON "Webhook" ("id");

CREATE UNIQUE INDEX "Webhook_platformOAuthClientId_subscriberUrl_key" ON "Webhook" ("platformOAuthClientId", "subscriberUrl");

CREATE UNIQUE INDEX "Webhook_userId_subscriberUrl_key" ON "Webhook" ("userId", "subscriberUrl");

CREATE TABLE "WebhookScheduledTriggers" (
    "id" SERIAL NOT NULL,
    "jobName" TEXT,
    "subscriberUrl" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "startAfter" TIMESTAMP(3) NOT NULL,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "webhookId" TEXT,
    "appId" TEXT,
    "bookingId" INTEGER,
    CONSTRAINT "WebhookScheduledTriggers_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WebhookScheduledTriggers_bookingId_idx" ON "WebhookScheduledTriggers" ("bookingId") WHERE ("bookingId" IS NOT NULL);

-- foreign keys
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookScheduledTriggers" ADD CONSTRAINT "WebhookScheduledTriggers_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookScheduledTriggers" ADD CONSTRAINT "WebhookScheduledTriggers_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
