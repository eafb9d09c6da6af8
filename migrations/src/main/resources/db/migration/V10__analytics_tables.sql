-- Analytics: BookingDenormalized (kept by projectors, no triggers), Tracking, and the timeStatus views.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TABLE "BookingDenormalized" (
    "id" INTEGER NOT NULL,
    "uid" TEXT NOT NULL,
    "eventTypeId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3),
    "location" TEXT,
    "paid" BOOLEAN NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "rescheduled" BOOLEAN,
    "userId" INTEGER,
    "teamId" INTEGER,
    "eventLength" INTEGER,
    "eventParentId" INTEGER,
    "userEmail" TEXT,
    "userName" TEXT,
    "userUsername" TEXT,
    "ratingFeedback" TEXT,
    "rating" INTEGER,
    "noShowHost" BOOLEAN,
    "isTeamBooking" BOOLEAN NOT NULL,
    CONSTRAINT "BookingDenormalized_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BookingDenormalized_createdAt_idx" ON "BookingDenormalized" ("createdAt");

CREATE INDEX "BookingDenormalized_endTime_idx" ON "BookingDenormalized" ("endTime");

CREATE INDEX "BookingDenormalized_eventParentId_idx" ON "BookingDenormalized" ("eventParentId");

CREATE INDEX "BookingDenormalized_eventTypeId_idx" ON "BookingDenormalized" ("eventTypeId");

CREATE UNIQUE INDEX "BookingDenormalized_id_key" ON "BookingDenormalized" ("id");

CREATE INDEX "BookingDenormalized_startTime_endTime_idx" ON "BookingDenormalized" ("startTime", "endTime");

CREATE INDEX "BookingDenormalized_startTime_idx" ON "BookingDenormalized" ("startTime");

CREATE INDEX "BookingDenormalized_status_idx" ON "BookingDenormalized" ("status");

CREATE INDEX "BookingDenormalized_teamId_idx" ON "BookingDenormalized" ("teamId");

CREATE INDEX "BookingDenormalized_teamId_isTeamBooking_idx" ON "BookingDenormalized" ("teamId", "isTeamBooking");

CREATE INDEX "BookingDenormalized_userId_idx" ON "BookingDenormalized" ("userId");

CREATE INDEX "BookingDenormalized_userId_isTeamBooking_idx" ON "BookingDenormalized" ("userId", "isTeamBooking");

CREATE TABLE "Tracking" (
    "id" SERIAL NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "utm_term" TEXT,
    "utm_content" TEXT,
    CONSTRAINT "Tracking_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Tracking_bookingId_key" ON "Tracking" ("bookingId");

-- foreign keys
ALTER TABLE "Tracking" ADD CONSTRAINT "Tracking_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- timeStatus is computed at read time, first match wins. Times are stored as UTC, so "now" is
-- taken in UTC too, whatever the session's time zone.
CREATE VIEW "BookingTimeStatus" AS
SELECT
    "Booking"."id",
    "Booking"."uid",
    "Booking"."eventTypeId",
    "Booking"."title",
    "Booking"."description",
    "Booking"."startTime",
    "Booking"."endTime",
    "Booking"."createdAt",
    "Booking"."location",
    "Booking"."paid",
    "Booking"."status",
    "Booking"."rescheduled",
    "Booking"."userId",
    "EventType"."teamId",
    "EventType"."length" AS "eventLength",
    CASE
        WHEN "Booking"."rescheduled" IS TRUE THEN 'rescheduled'
        WHEN "Booking"."status" = 'cancelled' AND "Booking"."rescheduled" IS NULL THEN 'cancelled'
        WHEN "Booking"."endTime" < (now() AT TIME ZONE 'UTC') THEN 'completed'
        WHEN "Booking"."endTime" > (now() AT TIME ZONE 'UTC') THEN 'uncompleted'
        ELSE NULL
    END AS "timeStatus",
    "EventType"."parentId" AS "eventParentId",
    "users"."email" AS "userEmail",
    "users"."username",
    "Booking"."ratingFeedback",
    "Booking"."rating",
    "Booking"."noShowHost",
    ("EventType"."teamId" IS NOT NULL) AS "isTeamBooking"
FROM "Booking"
LEFT JOIN "EventType" ON "EventType"."id" = "Booking"."eventTypeId"
LEFT JOIN "users" ON "users"."id" = "Booking"."userId";

CREATE VIEW "BookingTimeStatusDenormalized" AS
SELECT
    "BookingDenormalized".*,
    CASE
        WHEN "BookingDenormalized"."rescheduled" IS TRUE THEN 'rescheduled'
        WHEN "BookingDenormalized"."status" = 'cancelled' AND "BookingDenormalized"."rescheduled" IS NULL THEN 'cancelled'
        WHEN "BookingDenormalized"."endTime" < (now() AT TIME ZONE 'UTC') THEN 'completed'
        WHEN "BookingDenormalized"."endTime" > (now() AT TIME ZONE 'UTC') THEN 'uncompleted'
        ELSE NULL
    END AS "timeStatus"
FROM "BookingDenormalized";
