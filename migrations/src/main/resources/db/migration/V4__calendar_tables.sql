-- Calendar Integration: credentials, delegation, destination and selected calendars, calendar cache.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TABLE "Credential" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "key" JSONB NOT NULL,
    "userId" INTEGER,
    "appId" TEXT,
    "invalid" BOOLEAN DEFAULT false,
    "teamId" INTEGER,
    "billingCycleStart" INTEGER,
    "paymentStatus" TEXT,
    "subscriptionId" TEXT,
    "delegationCredentialId" TEXT,
    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Credential_appId_idx" ON "Credential" ("appId");

CREATE INDEX "Credential_invalid_idx" ON "Credential" ("invalid");

CREATE INDEX "Credential_subscriptionId_idx" ON "Credential" ("subscriptionId");

CREATE INDEX "Credential_userId_delegationCredentialId_idx" ON "Credential" ("userId", "delegationCredentialId");

CREATE TABLE "DelegationCredential" (
    "id" TEXT NOT NULL,
    "workspacePlatformId" INTEGER NOT NULL,
    "serviceAccountKey" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastDisabledAt" TIMESTAMP(3),
    "lastEnabledAt" TIMESTAMP(3),
    CONSTRAINT "DelegationCredential_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DelegationCredential_enabled_idx" ON "DelegationCredential" ("enabled");

CREATE UNIQUE INDEX "DelegationCredential_organizationId_domain_key" ON "DelegationCredential" ("organizationId", "domain");

CREATE TABLE "DomainWideDelegation" (
    "id" TEXT NOT NULL,
    "workspacePlatformId" INTEGER NOT NULL,
    "serviceAccountKey" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" INTEGER NOT NULL,
    "domain" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DomainWideDelegation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DomainWideDelegation_organizationId_domain_key" ON "DomainWideDelegation" ("organizationId", "domain");

CREATE TABLE "DestinationCalendar" (
    "id" SERIAL NOT NULL,
    "integration" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "userId" INTEGER,
    "eventTypeId" INTEGER,
    "credentialId" INTEGER,
    "primaryEmail" TEXT,
    "domainWideDelegationCredentialId" TEXT,
    "delegationCredentialId" TEXT,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "customCalendarReminder" INTEGER,
    CONSTRAINT "DestinationCalendar_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DestinationCalendar_credentialId_idx" ON "DestinationCalendar" ("credentialId");

CREATE INDEX "DestinationCalendar_eventTypeId_idx" ON "DestinationCalendar" ("eventTypeId");

CREATE UNIQUE INDEX "DestinationCalendar_eventTypeId_key" ON "DestinationCalendar" ("eventTypeId");

CREATE INDEX "DestinationCalendar_userId_idx" ON "DestinationCalendar" ("userId");

CREATE UNIQUE INDEX "DestinationCalendar_userId_key" ON "DestinationCalendar" ("userId");

CREATE TABLE "SelectedCalendar" (
    "userId" INTEGER NOT NULL,
    "integration" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "credentialId" INTEGER,
    "googleChannelExpiration" TEXT,
    "googleChannelId" TEXT,
    "googleChannelKind" TEXT,
    "googleChannelResourceId" TEXT,
    "googleChannelResourceUri" TEXT,
    "domainWideDelegationCredentialId" TEXT,
    "id" TEXT NOT NULL,
    "eventTypeId" INTEGER,
    "error" TEXT,
    "channelId" TEXT,
    "channelKind" TEXT,
    "channelResourceId" TEXT,
    "channelResourceUri" TEXT,
    "channelExpiration" TIMESTAMP(3),
    "syncSubscribedAt" TIMESTAMP(3),
    "syncToken" TEXT,
    "syncedAt" TIMESTAMP(3),
    "syncErrorAt" TIMESTAMP(3),
    "syncErrorCount" INTEGER DEFAULT 0,
    "delegationCredentialId" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "unwatchAttempts" INTEGER NOT NULL DEFAULT 0,
    "watchAttempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    CONSTRAINT "SelectedCalendar_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SelectedCalendar_credentialId_idx" ON "SelectedCalendar" ("credentialId");

CREATE INDEX "SelectedCalendar_eventTypeId_idx" ON "SelectedCalendar" ("eventTypeId");

CREATE INDEX "SelectedCalendar_externalId_idx" ON "SelectedCalendar" ("externalId");

CREATE UNIQUE INDEX "SelectedCalendar_googleChannelId_eventTypeId_key" ON "SelectedCalendar" ("googleChannelId", "eventTypeId");

CREATE INDEX "SelectedCalendar_unwatch_idx" ON "SelectedCalendar" ("integration", "googleChannelExpiration", "error", "unwatchAttempts", "maxAttempts");

CREATE INDEX "SelectedCalendar_userId_idx" ON "SelectedCalendar" ("userId");

CREATE UNIQUE INDEX "SelectedCalendar_userId_integration_externalId_eventTypeId_key" ON "SelectedCalendar" ("userId", "integration", "externalId", "eventTypeId");

CREATE INDEX "SelectedCalendar_watch_idx" ON "SelectedCalendar" ("integration", "googleChannelExpiration", "error", "watchAttempts", "maxAttempts");

CREATE TABLE "CalendarCache" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "credentialId" INTEGER NOT NULL,
    "id" TEXT,
    "userId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT now(),
    CONSTRAINT "CalendarCache_pkey" PRIMARY KEY ("credentialId", "key")
);

CREATE UNIQUE INDEX "CalendarCache_credentialId_key_key" ON "CalendarCache" ("credentialId", "key");

CREATE INDEX "CalendarCache_userId_key_idx" ON "CalendarCache" ("userId", "key");

-- foreign keys
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_destinationCalendarId_fkey" FOREIGN KEY ("destinationCalendarId") REFERENCES "DestinationCalendar" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_delegationCredentialId_fkey" FOREIGN KEY ("delegationCredentialId") REFERENCES "DelegationCredential" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_delegationCredentialId_fkey" FOREIGN KEY ("delegationCredentialId") REFERENCES "DelegationCredential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DelegationCredential" ADD CONSTRAINT "DelegationCredential_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DomainWideDelegation" ADD CONSTRAINT "DomainWideDelegation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_delegationCredentialId_fkey" FOREIGN KEY ("delegationCredentialId") REFERENCES "DelegationCredential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_delegationCredentialId_fkey" FOREIGN KEY ("delegationCredentialId") REFERENCES "DelegationCredential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CalendarCache" ADD CONSTRAINT "CalendarCache_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
