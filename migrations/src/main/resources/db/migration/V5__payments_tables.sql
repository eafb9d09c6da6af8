-- Payments: one row per payment of a booking.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "PaymentOption" AS ENUM ('ON_BOOKING', 'HOLD');

CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "uid" TEXT NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "fee" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "refunded" BOOLEAN NOT NULL,
    "data" JSONB NOT NULL,
    "externalId" TEXT NOT NULL,
    "appId" TEXT,
    "paymentOption" "PaymentOption" DEFAULT 'ON_BOOKING'::"PaymentOption",
    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Payment_bookingId_idx" ON "Payment" ("bookingId");

CREATE INDEX "Payment_externalId_idx" ON "Payment" ("externalId");

CREATE UNIQUE INDEX "Payment_externalId_key" ON "Payment" ("externalId");

CREATE UNIQUE INDEX "Payment_uid_key" ON "Payment" ("uid");

-- foreign keys
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
