-- Billing / Seats: cal.com's seat-billing tables, plus the seed's Seat table (not in cal.com).
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "BillingPeriod" AS ENUM ('MONTHLY', 'ANNUALLY');

CREATE TYPE "SeatChangeType" AS ENUM ('ADDITION', 'REMOVAL');

CREATE TABLE "SeatChangeLog" (
    "id" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "changeType" "SeatChangeType" NOT NULL,
    "seatCount" INTEGER NOT NULL,
    "userId" INTEGER,
    "triggeredBy" INTEGER,
    "changeDate" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "monthKey" TEXT NOT NULL,
    "processedInProrationId" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "teamBillingId" TEXT,
    "organizationBillingId" TEXT,
    CONSTRAINT "SeatChangeLog_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SeatChangeLog_monthKey_idx" ON "SeatChangeLog" ("monthKey");

CREATE INDEX "SeatChangeLog_teamId_monthKey_idx" ON "SeatChangeLog" ("teamId", "monthKey");

CREATE INDEX "SeatChangeLog_teamId_processedInProrationId_idx" ON "SeatChangeLog" ("teamId", "processedInProrationId");

CREATE TABLE "TeamBilling" (
    "id" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "subscriptionItemId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "subscriptionEnd" TIMESTAMP(3),
    "subscriptionStart" TIMESTAMP(3),
    "subscriptionTrialEnd" TIMESTAMP(3),
    "billingPeriod" "BillingPeriod",
    "pricePerSeat" INTEGER,
    "paidSeats" INTEGER,
    CONSTRAINT "TeamBilling_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TeamBilling_subscriptionId_key" ON "TeamBilling" ("subscriptionId");

CREATE UNIQUE INDEX "TeamBilling_teamId_key" ON "TeamBilling" ("teamId");

CREATE TABLE "OrganizationBilling" (
    "id" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "subscriptionItemId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "subscriptionEnd" TIMESTAMP(3),
    "subscriptionStart" TIMESTAMP(3),
    "subscriptionTrialEnd" TIMESTAMP(3),
    "billingPeriod" "BillingPeriod",
    "pricePerSeat" INTEGER,
    "paidSeats" INTEGER,
    CONSTRAINT "OrganizationBilling_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "OrganizationBilling_subscriptionId_key" ON "OrganizationBilling" ("subscriptionId");

CREATE UNIQUE INDEX "OrganizationBilling_teamId_key" ON "OrganizationBilling" ("teamId");

-- foreign keys
ALTER TABLE "SeatChangeLog" ADD CONSTRAINT "SeatChangeLog_organizationBillingId_fkey" FOREIGN KEY ("organizationBillingId") REFERENCES "OrganizationBilling" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SeatChangeLog" ADD CONSTRAINT "SeatChangeLog_teamBillingId_fkey" FOREIGN KEY ("teamBillingId") REFERENCES "TeamBilling" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SeatChangeLog" ADD CONSTRAINT "SeatChangeLog_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamBilling" ADD CONSTRAINT "TeamBilling_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrganizationBilling" ADD CONSTRAINT "OrganizationBilling_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seat is named by the product's seed but has no cal.com counterpart: one row per seat an
-- organization pays for, held by one user.
CREATE TABLE "Seat" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Seat_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Seat_orgId_userId_key" ON "Seat" ("orgId", "userId");

CREATE INDEX "Seat_userId_idx" ON "Seat" ("userId");

ALTER TABLE "Seat" ADD CONSTRAINT "Seat_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Seat" ADD CONSTRAINT "Seat_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
