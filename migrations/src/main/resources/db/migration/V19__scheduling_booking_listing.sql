-- The listing of bookings (GET /v2/bookings) on the query side: each booking's filter and sort keys,
-- copied from its "Booking" row by the booking projectors. cal.com's own indexes on "Booking" stay
-- exactly as the reference has them, and they cannot serve one host's page in start order with a
-- million bookings: these covering indexes can, and count a listing without reading a booking.
CREATE SCHEMA IF NOT EXISTS query_side;

CREATE TABLE query_side.booking_listing (
    id                 INTEGER         NOT NULL,
    "userId"           INTEGER,
    "eventTypeId"      INTEGER,
    "startTime"        TIMESTAMP(3)    NOT NULL,
    "endTime"          TIMESTAMP(3)    NOT NULL,
    "createdAt"        TIMESTAMP(3)    NOT NULL,
    "updatedAt"        TIMESTAMP(3),
    status             "BookingStatus" NOT NULL,
    "recurringEventId" TEXT,
    CONSTRAINT booking_listing_pkey PRIMARY KEY (id),
    -- Rows go and change with their booking: a deleted user takes their bookings, a deleted event
    -- type leaves its bookings without one.
    CONSTRAINT booking_listing_booking_fkey FOREIGN KEY (id) REFERENCES "Booking" (id) ON DELETE CASCADE,
    CONSTRAINT booking_listing_event_type_fkey FOREIGN KEY ("eventTypeId") REFERENCES "EventType" (id)
        ON DELETE SET NULL
);

CREATE INDEX booking_listing_user_start_idx ON query_side.booking_listing ("userId", "startTime", id)
    INCLUDE ("endTime", status, "recurringEventId", "createdAt", "updatedAt");
CREATE INDEX booking_listing_event_type_start_idx ON query_side.booking_listing ("eventTypeId", "startTime", id)
    INCLUDE ("endTime", status, "recurringEventId", "createdAt", "updatedAt");
-- A system admin's listing runs over everyone's bookings in start order.
CREATE INDEX booking_listing_start_idx ON query_side.booking_listing ("startTime", id)
    INCLUDE ("endTime", status, "recurringEventId", "createdAt", "updatedAt");
