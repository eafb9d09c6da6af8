-- Automation: workflows, their steps and activations, reminders, AI phone call configuration.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "TimeUnit" AS ENUM ('day', 'hour', 'minute');

CREATE TYPE "WorkflowActions" AS ENUM ('EMAIL_HOST', 'EMAIL_ATTENDEE', 'SMS_ATTENDEE', 'SMS_NUMBER', 'EMAIL_ADDRESS', 'WHATSAPP_ATTENDEE', 'WHATSAPP_NUMBER', 'CAL_AI_PHONE_CALL');

CREATE TYPE "WorkflowMethods" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP', 'AI_PHONE_CALL');

CREATE TYPE "WorkflowTemplates" AS ENUM ('REMINDER', 'CUSTOM', 'CANCELLED', 'RESCHEDULED', 'COMPLETED', 'RATING');

CREATE TYPE "WorkflowTriggerEvents" AS ENUM ('BEFORE_EVENT', 'EVENT_CANCELLED', 'NEW_EVENT', 'RESCHEDULE_EVENT', 'AFTER_EVENT', 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW', 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW', 'BOOKING_REJECTED', 'BOOKING_REQUESTED', 'BOOKING_PAYMENT_INITIATED', 'BOOKING_PAID', 'BOOKING_NO_SHOW_UPDATED', 'FORM_SUBMITTED', 'FORM_SUBMITTED_NO_EVENT');

CREATE TYPE "WorkflowType" AS ENUM ('EVENT_TYPE', 'ROUTING_FORM');

CREATE TABLE "Workflow" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "userId" INTEGER,
    "trigger" "WorkflowTriggerEvents" NOT NULL,
    "time" INTEGER,
    "timeUnit" "TimeUnit",
    "teamId" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "isActiveOnAll" BOOLEAN NOT NULL DEFAULT false,
    "type" "WorkflowType" NOT NULL DEFAULT 'EVENT_TYPE'::"WorkflowType",
    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Workflow_teamId_idx" ON "Workflow" ("teamId");

CREATE INDEX "Workflow_userId_idx" ON "Workflow" ("userId");

CREATE TABLE "WorkflowStep" (
    "id" SERIAL NOT NULL,
    "stepNumber" INTEGER NOT NULL,
    "action" "WorkflowActions" NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "sendTo" TEXT,
    "reminderBody" TEXT,
    "emailSubject" TEXT,
    "template" "WorkflowTemplates" NOT NULL DEFAULT 'REMINDER'::"WorkflowTemplates",
    "numberRequired" BOOLEAN,
    "sender" TEXT,
    "numberVerificationPending" BOOLEAN NOT NULL DEFAULT true,
    "includeCalendarEvent" BOOLEAN NOT NULL DEFAULT false,
    "verifiedAt" TIMESTAMP(3),
    "agentId" TEXT,
    "inboundAgentId" TEXT,
    CONSTRAINT "WorkflowStep_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "WorkflowStep_agentId_key" ON "WorkflowStep" ("agentId");

CREATE UNIQUE INDEX "WorkflowStep_inboundAgentId_key" ON "WorkflowStep" ("inboundAgentId");

CREATE INDEX "WorkflowStep_workflowId_idx" ON "WorkflowStep" ("workflowId");

CREATE TABLE "WorkflowsOnEventTypes" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    CONSTRAINT "WorkflowsOnEventTypes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WorkflowsOnEventTypes_eventTypeId_idx" ON "WorkflowsOnEventTypes" ("eventTypeId");

CREATE UNIQUE INDEX "WorkflowsOnEventTypes_workflowId_eventTypeId_key" ON "WorkflowsOnEventTypes" ("workflowId", "eventTypeId");

CREATE INDEX "WorkflowsOnEventTypes_workflowId_idx" ON "WorkflowsOnEventTypes" ("workflowId");

CREATE TABLE "WorkflowsOnTeams" (
    "id" SERIAL NOT NULL,
    "workflowId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    CONSTRAINT "WorkflowsOnTeams_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WorkflowsOnTeams_teamId_idx" ON "WorkflowsOnTeams" ("teamId");

CREATE INDEX "WorkflowsOnTeams_workflowId_idx" ON "WorkflowsOnTeams" ("workflowId");

CREATE UNIQUE INDEX "WorkflowsOnTeams_workflowId_teamId_key" ON "WorkflowsOnTeams" ("workflowId", "teamId");

CREATE TABLE "WorkflowReminder" (
    "id" SERIAL NOT NULL,
    "bookingUid" TEXT,
    "method" "WorkflowMethods" NOT NULL,
    "scheduledDate" TIMESTAMP(3) NOT NULL,
    "referenceId" TEXT,
    "scheduled" BOOLEAN NOT NULL,
    "workflowStepId" INTEGER,
    "cancelled" BOOLEAN,
    "seatReferenceId" TEXT,
    "isMandatoryReminder" BOOLEAN DEFAULT false,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "uuid" TEXT,
    CONSTRAINT "WorkflowReminder_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WorkflowReminder_bookingUid_idx" ON "WorkflowReminder" ("bookingUid");

CREATE INDEX "WorkflowReminder_cancelled_scheduledDate_idx" ON "WorkflowReminder" ("cancelled", "scheduledDate");

CREATE INDEX "WorkflowReminder_method_scheduled_scheduledDate_idx" ON "WorkflowReminder" ("method", "scheduled", "scheduledDate");

CREATE UNIQUE INDEX "WorkflowReminder_referenceId_key" ON "WorkflowReminder" ("referenceId");

CREATE INDEX "WorkflowReminder_seatReferenceId_idx" ON "WorkflowReminder" ("seatReferenceId");

CREATE UNIQUE INDEX "WorkflowReminder_uuid_key" ON "WorkflowReminder" ("uuid");

CREATE INDEX "WorkflowReminder_workflowStepId_idx" ON "WorkflowReminder" ("workflowStepId");

CREATE TABLE "AIPhoneCallConfiguration" (
    "id" SERIAL NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "generalPrompt" TEXT,
    "yourPhoneNumber" TEXT NOT NULL,
    "numberToCall" TEXT NOT NULL,
    "guestName" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "beginMessage" TEXT,
    "llmId" TEXT,
    "guestCompany" TEXT,
    "guestEmail" TEXT,
    "schedulerName" TEXT,
    "templateType" TEXT NOT NULL DEFAULT 'CUSTOM_TEMPLATE'::text,
    CONSTRAINT "AIPhoneCallConfiguration_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AIPhoneCallConfiguration_eventTypeId_idx" ON "AIPhoneCallConfiguration" ("eventTypeId");

CREATE UNIQUE INDEX "AIPhoneCallConfiguration_eventTypeId_key" ON "AIPhoneCallConfiguration" ("eventTypeId");

-- foreign keys
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowStep" ADD CONSTRAINT "WorkflowStep_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowsOnEventTypes" ADD CONSTRAINT "WorkflowsOnEventTypes_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowsOnEventTypes" ADD CONSTRAINT "WorkflowsOnEventTypes_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowsOnTeams" ADD CONSTRAINT "WorkflowsOnTeams_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowsOnTeams" ADD CONSTRAINT "WorkflowsOnTeams_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WorkflowReminder" ADD CONSTRAINT "WorkflowReminder_bookingUid_fkey" FOREIGN KEY ("bookingUid") REFERENCES "Booking" ("uid") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WorkflowReminder" ADD CONSTRAINT "WorkflowReminder_workflowStepId_fkey" FOREIGN KEY ("workflowStepId") REFERENCES "WorkflowStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AIPhoneCallConfiguration" ADD CONSTRAINT "AIPhoneCallConfiguration_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
