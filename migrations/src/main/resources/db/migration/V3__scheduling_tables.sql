-- Scheduling: schedules, availability, event types, hosts, bookings and what hangs off a booking.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "BookingStatus" AS ENUM ('cancelled', 'accepted', 'rejected', 'pending', 'awaiting_host');

CREATE TYPE "EventTypeCustomInputType" AS ENUM ('text', 'textLong', 'number', 'bool', 'phone', 'radio');

CREATE TYPE "PeriodType" AS ENUM ('unlimited', 'rolling', 'range', 'rolling_window');

CREATE TYPE "SchedulingType" AS ENUM ('roundRobin', 'collective', 'managed');

CREATE TABLE "Schedule" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT,
    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Schedule_userId_idx" ON "Schedule" ("userId");

CREATE TABLE "Availability" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "eventTypeId" INTEGER,
    "days" INTEGER[],
    "date" DATE,
    "startTime" TIME NOT NULL,
    "endTime" TIME NOT NULL,
    "scheduleId" INTEGER,
    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Availability_eventTypeId_idx" ON "Availability" ("eventTypeId");

CREATE INDEX "Availability_scheduleId_idx" ON "Availability" ("scheduleId");

CREATE INDEX "Availability_userId_idx" ON "Availability" ("userId");

CREATE TABLE "EventType" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "locations" JSONB,
    "length" INTEGER NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "userId" INTEGER,
    "eventName" TEXT,
    "timeZone" TEXT,
    "periodCountCalendarDays" BOOLEAN,
    "periodDays" INTEGER,
    "periodEndDate" TIMESTAMP(3),
    "periodStartDate" TIMESTAMP(3),
    "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "minimumBookingNotice" INTEGER NOT NULL DEFAULT 120,
    "currency" TEXT NOT NULL DEFAULT 'usd'::text,
    "price" INTEGER NOT NULL DEFAULT 0,
    "schedulingType" "SchedulingType",
    "teamId" INTEGER,
    "disableGuests" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "periodType" "PeriodType" NOT NULL DEFAULT 'unlimited'::"PeriodType",
    "slotInterval" INTEGER,
    "metadata" JSONB,
    "afterEventBuffer" INTEGER NOT NULL DEFAULT 0,
    "beforeEventBuffer" INTEGER NOT NULL DEFAULT 0,
    "hideCalendarNotes" BOOLEAN NOT NULL DEFAULT false,
    "successRedirectUrl" TEXT,
    "seatsPerTimeSlot" INTEGER,
    "recurringEvent" JSONB,
    "scheduleId" INTEGER,
    "bookingLimits" JSONB,
    "seatsShowAttendees" BOOLEAN DEFAULT false,
    "bookingFields" JSONB,
    "durationLimits" JSONB,
    "parentId" INTEGER,
    "offsetStart" INTEGER NOT NULL DEFAULT 0,
    "requiresBookerEmailVerification" BOOLEAN NOT NULL DEFAULT false,
    "seatsShowAvailabilityCount" BOOLEAN DEFAULT true,
    "lockTimeZoneToggleOnBookingPage" BOOLEAN NOT NULL DEFAULT false,
    "onlyShowFirstAvailableSlot" BOOLEAN NOT NULL DEFAULT false,
    "isInstantEvent" BOOLEAN NOT NULL DEFAULT false,
    "assignAllTeamMembers" BOOLEAN NOT NULL DEFAULT false,
    "profileId" INTEGER,
    "useEventTypeDestinationCalendarEmail" BOOLEAN NOT NULL DEFAULT false,
    "secondaryEmailId" INTEGER,
    "forwardParamsSuccessRedirect" BOOLEAN DEFAULT true,
    "instantMeetingExpiryTimeOffsetInSeconds" INTEGER NOT NULL DEFAULT 90,
    "isRRWeightsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "rescheduleWithSameRoundRobinHost" BOOLEAN NOT NULL DEFAULT false,
    "eventTypeColor" JSONB,
    "requiresConfirmationWillBlockSlot" BOOLEAN NOT NULL DEFAULT false,
    "instantMeetingScheduleId" INTEGER,
    "showOptimizedSlots" BOOLEAN DEFAULT false,
    "hideCalendarEventDetails" BOOLEAN NOT NULL DEFAULT false,
    "assignRRMembersUsingSegment" BOOLEAN NOT NULL DEFAULT false,
    "rrSegmentQueryValue" JSONB,
    "maxLeadThreshold" INTEGER,
    "instantMeetingParameters" TEXT[],
    "autoTranslateDescriptionEnabled" BOOLEAN NOT NULL DEFAULT false,
    "requiresConfirmationForFreeEmail" BOOLEAN NOT NULL DEFAULT false,
    "useEventLevelSelectedCalendars" BOOLEAN NOT NULL DEFAULT false,
    "allowReschedulingPastBookings" BOOLEAN NOT NULL DEFAULT false,
    "interfaceLanguage" TEXT,
    "canSendCalVideoTranscriptionEmails" BOOLEAN NOT NULL DEFAULT true,
    "disableCancelling" BOOLEAN DEFAULT false,
    "disableRescheduling" BOOLEAN DEFAULT false,
    "customReplyToEmail" TEXT,
    "hideOrganizerEmail" BOOLEAN NOT NULL DEFAULT false,
    "includeNoShowInRRCalculation" BOOLEAN NOT NULL DEFAULT false,
    "restrictionScheduleId" INTEGER,
    "useBookerTimezone" BOOLEAN NOT NULL DEFAULT false,
    "allowReschedulingCancelledBookings" BOOLEAN DEFAULT false,
    "maxActiveBookingsPerBooker" INTEGER,
    "maxActiveBookingPerBookerOfferReschedule" BOOLEAN NOT NULL DEFAULT false,
    "lockedTimeZone" TEXT,
    "bookingRequiresAuthentication" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "autoTranslateInstantMeetingTitleEnabled" BOOLEAN NOT NULL DEFAULT true,
    "minimumRescheduleNotice" INTEGER,
    "rrHostSubsetEnabled" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "EventType_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EventType_instantMeetingScheduleId_idx" ON "EventType" ("instantMeetingScheduleId") WHERE ("instantMeetingScheduleId" IS NOT NULL);

CREATE INDEX "EventType_parentId_idx" ON "EventType" ("parentId");

CREATE INDEX "EventType_profileId_idx" ON "EventType" ("profileId");

CREATE INDEX "EventType_restrictionScheduleId_idx" ON "EventType" ("restrictionScheduleId");

CREATE INDEX "EventType_scheduleId_idx" ON "EventType" ("scheduleId");

CREATE INDEX "EventType_secondaryEmailId_idx" ON "EventType" ("secondaryEmailId");

CREATE INDEX "EventType_teamId_idx" ON "EventType" ("teamId");

CREATE UNIQUE INDEX "EventType_teamId_slug_key" ON "EventType" ("teamId", "slug");

CREATE INDEX "EventType_userId_idx" ON "EventType" ("userId");

CREATE UNIQUE INDEX "EventType_userId_parentId_key" ON "EventType" ("userId", "parentId");

CREATE UNIQUE INDEX "EventType_userId_slug_key" ON "EventType" ("userId", "slug");

CREATE TABLE "Host" (
    "userId" INTEGER NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "isFixed" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER,
    "weight" INTEGER,
    "weightAdjustment" INTEGER,
    "scheduleId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "groupId" TEXT,
    "memberId" INTEGER,
    CONSTRAINT "Host_pkey" PRIMARY KEY ("userId", "eventTypeId")
);

CREATE INDEX "Host_eventTypeId_idx" ON "Host" ("eventTypeId");

CREATE INDEX "Host_memberId_idx" ON "Host" ("memberId");

CREATE INDEX "Host_scheduleId_idx" ON "Host" ("scheduleId");

CREATE INDEX "Host_userId_idx" ON "Host" ("userId");

CREATE TABLE "Booking" (
    "id" SERIAL NOT NULL,
    "uid" TEXT NOT NULL,
    "userId" INTEGER,
    "eventTypeId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "location" TEXT,
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "status" "BookingStatus" NOT NULL DEFAULT 'accepted'::"BookingStatus",
    "cancellationReason" TEXT,
    "rejectionReason" TEXT,
    "fromReschedule" TEXT,
    "rescheduled" BOOLEAN,
    "dynamicEventSlugRef" TEXT,
    "dynamicGroupSlugRef" TEXT,
    "recurringEventId" TEXT,
    "customInputs" JSONB,
    "smsReminderNumber" TEXT,
    "destinationCalendarId" INTEGER,
    "scheduledJobs" TEXT[],
    "metadata" JSONB,
    "responses" JSONB,
    "isRecorded" BOOLEAN NOT NULL DEFAULT false,
    "iCalSequence" INTEGER NOT NULL DEFAULT 0,
    "iCalUID" TEXT DEFAULT ''::text,
    "userPrimaryEmail" TEXT,
    "idempotencyKey" TEXT,
    "noShowHost" BOOLEAN DEFAULT false,
    "rating" INTEGER,
    "ratingFeedback" TEXT,
    "cancelledBy" TEXT,
    "rescheduledBy" TEXT,
    "oneTimePassword" TEXT,
    "reassignReason" TEXT,
    "reassignById" INTEGER,
    "creationSource" "CreationSource",
    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Booking_destinationCalendarId_idx" ON "Booking" ("destinationCalendarId");

CREATE INDEX "Booking_eventTypeId_idx" ON "Booking" ("eventTypeId");

CREATE INDEX "Booking_fromReschedule_idx" ON "Booking" ("fromReschedule");

CREATE UNIQUE INDEX "Booking_idempotencyKey_key" ON "Booking" ("idempotencyKey");

CREATE UNIQUE INDEX "Booking_oneTimePassword_key" ON "Booking" ("oneTimePassword");

CREATE INDEX "Booking_reassignById_idx" ON "Booking" ("reassignById") WHERE ("reassignById" IS NOT NULL);

CREATE INDEX "Booking_recurringEventId_idx" ON "Booking" ("recurringEventId");

CREATE INDEX "Booking_startTime_endTime_status_idx" ON "Booking" ("startTime", "endTime", "status");

CREATE INDEX "Booking_status_idx" ON "Booking" ("status");

CREATE INDEX "Booking_uid_idx" ON "Booking" ("uid");

CREATE UNIQUE INDEX "Booking_uid_key" ON "Booking" ("uid");

CREATE INDEX "Booking_userId_idx" ON "Booking" ("userId");

CREATE TABLE "BookingReference" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "bookingId" INTEGER,
    "meetingId" TEXT,
    "meetingPassword" TEXT,
    "meetingUrl" TEXT,
    "deleted" BOOLEAN,
    "externalCalendarId" TEXT,
    "credentialId" INTEGER,
    "thirdPartyRecurringEventId" TEXT,
    "domainWideDelegationCredentialId" TEXT,
    "delegationCredentialId" TEXT,
    CONSTRAINT "BookingReference_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BookingReference_bookingId_idx" ON "BookingReference" ("bookingId");

CREATE INDEX "BookingReference_type_idx" ON "BookingReference" ("type");

CREATE INDEX "BookingReference_uid_idx" ON "BookingReference" ("uid");

CREATE TABLE "Attendee" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "bookingId" INTEGER,
    "locale" TEXT DEFAULT 'en'::text,
    "phoneNumber" TEXT,
    "noShow" BOOLEAN DEFAULT false,
    CONSTRAINT "Attendee_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Attendee_bookingId_idx" ON "Attendee" ("bookingId");

CREATE INDEX "Attendee_email_idx" ON "Attendee" ("email");

CREATE TABLE "BookingSeat" (
    "id" SERIAL NOT NULL,
    "referenceUid" TEXT NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "attendeeId" INTEGER NOT NULL,
    "data" JSONB,
    "metadata" JSONB,
    CONSTRAINT "BookingSeat_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BookingSeat_attendeeId_idx" ON "BookingSeat" ("attendeeId");

CREATE UNIQUE INDEX "BookingSeat_attendeeId_key" ON "BookingSeat" ("attendeeId");

CREATE INDEX "BookingSeat_bookingId_idx" ON "BookingSeat" ("bookingId");

CREATE UNIQUE INDEX "BookingSeat_referenceUid_key" ON "BookingSeat" ("referenceUid");

CREATE TABLE "EventTypeCustomInput" (
    "id" SERIAL NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL,
    "type" "EventTypeCustomInputType" NOT NULL,
    "placeholder" TEXT NOT NULL DEFAULT ''::text,
    "options" JSONB,
    CONSTRAINT "EventTypeCustomInput_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EventTypeCustomInput_eventTypeId_idx" ON "EventTypeCustomInput" ("eventTypeId");

CREATE TABLE "HashedLink" (
    "id" SERIAL NOT NULL,
    "link" TEXT NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "maxUsageCount" INTEGER NOT NULL DEFAULT 1,
    "usageCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "HashedLink_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "HashedLink_eventTypeId_idx" ON "HashedLink" ("eventTypeId");

CREATE UNIQUE INDEX "HashedLink_link_key" ON "HashedLink" ("link");

CREATE TABLE "SelectedSlots" (
    "id" SERIAL NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "slotUtcStartDate" TIMESTAMP(3) NOT NULL,
    "slotUtcEndDate" TIMESTAMP(3) NOT NULL,
    "uid" TEXT NOT NULL,
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "isSeat" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SelectedSlots_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SelectedSlots_userId_slotUtcStartDate_slotUtcEndDate_uid_key" ON "SelectedSlots" ("userId", "slotUtcStartDate", "slotUtcEndDate", "uid");

CREATE TABLE "BookingInternalNote" (
    "id" SERIAL NOT NULL,
    "notePresetId" INTEGER,
    "text" TEXT,
    "bookingId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BookingInternalNote_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BookingInternalNote_bookingId_idx" ON "BookingInternalNote" ("bookingId");

CREATE UNIQUE INDEX "BookingInternalNote_bookingId_notePresetId_key" ON "BookingInternalNote" ("bookingId", "notePresetId");

CREATE TABLE "OutOfOfficeEntry" (
    "id" SERIAL NOT NULL,
    "uuid" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "userId" INTEGER NOT NULL,
    "toUserId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "reasonId" INTEGER,
    "notes" TEXT,
    "showNotePublicly" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OutOfOfficeEntry_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OutOfOfficeEntry_start_end_idx" ON "OutOfOfficeEntry" ("start", "end");

CREATE INDEX "OutOfOfficeEntry_toUserId_idx" ON "OutOfOfficeEntry" ("toUserId");

CREATE INDEX "OutOfOfficeEntry_userId_idx" ON "OutOfOfficeEntry" ("userId");

CREATE INDEX "OutOfOfficeEntry_uuid_idx" ON "OutOfOfficeEntry" ("uuid");

CREATE UNIQUE INDEX "OutOfOfficeEntry_uuid_key" ON "OutOfOfficeEntry" ("uuid");

CREATE TABLE "OutOfOfficeReason" (
    "id" SERIAL NOT NULL,
    "emoji" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "userId" INTEGER,
    CONSTRAINT "OutOfOfficeReason_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "OutOfOfficeReason_reason_key" ON "OutOfOfficeReason" ("reason");

-- foreign keys
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_instantMeetingScheduleId_fkey" FOREIGN KEY ("instantMeetingScheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "Profile" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_restrictionScheduleId_fkey" FOREIGN KEY ("restrictionScheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_reassignById_fkey" FOREIGN KEY ("reassignById") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingSeat" ADD CONSTRAINT "BookingSeat_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingSeat" ADD CONSTRAINT "BookingSeat_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EventTypeCustomInput" ADD CONSTRAINT "EventTypeCustomInput_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HashedLink" ADD CONSTRAINT "HashedLink_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingInternalNote" ADD CONSTRAINT "BookingInternalNote_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingInternalNote" ADD CONSTRAINT "BookingInternalNote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OutOfOfficeEntry" ADD CONSTRAINT "OutOfOfficeEntry_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "OutOfOfficeReason" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "OutOfOfficeEntry" ADD CONSTRAINT "OutOfOfficeEntry_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutOfOfficeEntry" ADD CONSTRAINT "OutOfOfficeEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutOfOfficeReason" ADD CONSTRAINT "OutOfOfficeReason_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
