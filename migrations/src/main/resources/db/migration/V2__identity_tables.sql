-- Identity & Access: users, teams and organizations, memberships, profiles and credentials of people.
-- Tables, columns, types, defaults, keys and indexes follow cal.com's schema at commit dd7b647.

CREATE TYPE "CreationSource" AS ENUM ('api_v1', 'api_v2', 'webapp');

CREATE TYPE "IdentityProvider" AS ENUM ('CAL', 'GOOGLE', 'SAML');

CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'OWNER', 'ADMIN');

CREATE TYPE "RRResetInterval" AS ENUM ('MONTH', 'DAY');

CREATE TYPE "RRTimestampBasis" AS ENUM ('CREATED_AT', 'START_TIME');

CREATE TYPE "SMSLockState" AS ENUM ('LOCKED', 'UNLOCKED', 'REVIEW_NEEDED');

CREATE TYPE "UserPermissionRole" AS ENUM ('USER', 'ADMIN');

CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" TEXT,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "bio" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London'::text,
    "weekStart" TEXT NOT NULL DEFAULT 'Sunday'::text,
    "startTime" INTEGER NOT NULL DEFAULT 0,
    "endTime" INTEGER NOT NULL DEFAULT 1440,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bufferTime" INTEGER NOT NULL DEFAULT 0,
    "emailVerified" TIMESTAMP(3),
    "hideBranding" BOOLEAN NOT NULL DEFAULT false,
    "theme" TEXT,
    "completedOnboarding" BOOLEAN NOT NULL DEFAULT false,
    "twoFactorEnabled" BOOLEAN NOT NULL DEFAULT false,
    "twoFactorSecret" TEXT,
    "locale" TEXT,
    "brandColor" TEXT,
    "identityProvider" "IdentityProvider" NOT NULL DEFAULT 'CAL'::"IdentityProvider",
    "identityProviderId" TEXT,
    "invitedTo" INTEGER,
    "metadata" JSONB,
    "verified" BOOLEAN DEFAULT false,
    "timeFormat" INTEGER DEFAULT 12,
    "darkBrandColor" TEXT,
    "trialEndsAt" TIMESTAMP(3),
    "defaultScheduleId" INTEGER,
    "allowDynamicBooking" BOOLEAN DEFAULT true,
    "role" "UserPermissionRole" NOT NULL DEFAULT 'USER'::"UserPermissionRole",
    "disableImpersonation" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" INTEGER,
    "allowSEOIndexing" BOOLEAN DEFAULT true,
    "backupCodes" TEXT,
    "receiveMonthlyDigestEmail" BOOLEAN DEFAULT true,
    "avatarUrl" TEXT,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "appTheme" TEXT,
    "movedToProfileId" INTEGER,
    "isPlatformManaged" BOOLEAN NOT NULL DEFAULT false,
    "smsLockState" "SMSLockState" NOT NULL DEFAULT 'UNLOCKED'::"SMSLockState",
    "smsLockReviewedByAdmin" BOOLEAN NOT NULL DEFAULT false,
    "referralLinkId" TEXT,
    "lastActiveAt" TIMESTAMP(3),
    "creationSource" "CreationSource",
    "whitelistWorkflows" BOOLEAN NOT NULL DEFAULT false,
    "requiresBookerEmailVerification" BOOLEAN DEFAULT false,
    "uuid" UUID NOT NULL,
    "autoOptInFeatures" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "users_emailVerified_idx" ON "users" ("emailVerified");

CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");

CREATE UNIQUE INDEX "users_email_username_key" ON "users" ("email", "username");

CREATE INDEX "users_identityProviderId_idx" ON "users" ("identityProviderId");

CREATE INDEX "users_identityProvider_idx" ON "users" ("identityProvider");

CREATE UNIQUE INDEX "users_movedToProfileId_key" ON "users" ("movedToProfileId");

CREATE INDEX "users_username_idx" ON "users" ("username");

CREATE UNIQUE INDEX "users_username_organizationId_key" ON "users" ("username", "organizationId");

CREATE UNIQUE INDEX "users_username_organizationId_key_null" ON "users" ("username", ("organizationId" IS NULL)) WHERE ("organizationId" IS NULL);

CREATE UNIQUE INDEX "users_uuid_key" ON "users" ("uuid");

CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT,
    "bio" TEXT,
    "hideBranding" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "metadata" JSONB,
    "hideBookATeamMember" BOOLEAN NOT NULL DEFAULT false,
    "brandColor" TEXT,
    "darkBrandColor" TEXT,
    "theme" TEXT,
    "appLogo" TEXT,
    "appIconLogo" TEXT,
    "parentId" INTEGER,
    "timeFormat" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London'::text,
    "weekStart" TEXT NOT NULL DEFAULT 'Sunday'::text,
    "isPrivate" BOOLEAN NOT NULL DEFAULT false,
    "logoUrl" TEXT,
    "calVideoLogo" TEXT,
    "pendingPayment" BOOLEAN NOT NULL DEFAULT false,
    "isOrganization" BOOLEAN NOT NULL DEFAULT false,
    "bannerUrl" TEXT,
    "isPlatform" BOOLEAN NOT NULL DEFAULT false,
    "smsLockState" "SMSLockState" NOT NULL DEFAULT 'UNLOCKED'::"SMSLockState",
    "createdByOAuthClientId" TEXT,
    "smsLockReviewedByAdmin" BOOLEAN NOT NULL DEFAULT false,
    "bookingLimits" JSONB,
    "includeManagedEventsInLimits" BOOLEAN NOT NULL DEFAULT false,
    "rrResetInterval" "RRResetInterval" DEFAULT 'MONTH'::"RRResetInterval",
    "hideTeamProfileLink" BOOLEAN NOT NULL DEFAULT false,
    "rrTimestampBasis" "RRTimestampBasis" NOT NULL DEFAULT 'CREATED_AT'::"RRTimestampBasis",
    "autoOptInFeatures" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Team_parentId_idx" ON "Team" ("parentId");

CREATE UNIQUE INDEX "Team_slug_parentId_key" ON "Team" ("slug", "parentId");

CREATE UNIQUE INDEX "Team_slug_parentId_key_null" ON "Team" ("slug", ("parentId" IS NULL)) WHERE ("parentId" IS NULL);

CREATE TABLE "Membership" (
    "teamId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "accepted" BOOLEAN NOT NULL DEFAULT false,
    "role" "MembershipRole" NOT NULL,
    "disableImpersonation" BOOLEAN NOT NULL DEFAULT false,
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "customRoleId" TEXT,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Membership_accepted_idx" ON "Membership" ("accepted");

CREATE INDEX "Membership_customRoleId_idx" ON "Membership" ("customRoleId");

CREATE INDEX "Membership_role_idx" ON "Membership" ("role");

CREATE INDEX "Membership_teamId_idx" ON "Membership" ("teamId");

CREATE INDEX "Membership_userId_idx" ON "Membership" ("userId");

CREATE UNIQUE INDEX "Membership_userId_teamId_key" ON "Membership" ("userId", "teamId");

CREATE TABLE "OrganizationSettings" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "isOrganizationConfigured" BOOLEAN NOT NULL DEFAULT false,
    "isOrganizationVerified" BOOLEAN NOT NULL DEFAULT false,
    "orgAutoAcceptEmail" TEXT NOT NULL,
    "lockEventTypeCreationForUsers" BOOLEAN NOT NULL DEFAULT false,
    "isAdminReviewed" BOOLEAN NOT NULL DEFAULT false,
    "adminGetsNoSlotsNotification" BOOLEAN NOT NULL DEFAULT false,
    "isAdminAPIEnabled" BOOLEAN NOT NULL DEFAULT false,
    "allowSEOIndexing" BOOLEAN NOT NULL DEFAULT false,
    "orgProfileRedirectsToVerifiedDomain" BOOLEAN NOT NULL DEFAULT false,
    "disablePhoneOnlySMSNotifications" BOOLEAN NOT NULL DEFAULT false,
    "disableAutofillOnBookingPage" BOOLEAN NOT NULL DEFAULT false,
    "orgAutoJoinOnSignup" BOOLEAN NOT NULL DEFAULT true,
    "disableAttendeeAwaitingPaymentEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeCancellationEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeConfirmationEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeLocationChangeEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeNewEventEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeReassignedEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeRequestEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeRescheduleRequestEmail" BOOLEAN NOT NULL DEFAULT false,
    "disableAttendeeRescheduledEmail" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "OrganizationSettings_organizationId_key" ON "OrganizationSettings" ("organizationId");

CREATE TABLE "Profile" (
    "id" SERIAL NOT NULL,
    "uid" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Profile_organizationId_idx" ON "Profile" ("organizationId");

CREATE INDEX "Profile_uid_idx" ON "Profile" ("uid");

CREATE INDEX "Profile_userId_idx" ON "Profile" ("userId");

CREATE UNIQUE INDEX "Profile_userId_organizationId_key" ON "Profile" ("userId", "organizationId");

CREATE UNIQUE INDEX "Profile_username_organizationId_key" ON "Profile" ("username", "organizationId");

CREATE TABLE "UserPassword" (
    "hash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "UserPassword_userId_key" ON "UserPassword" ("userId");

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session" ("sessionToken");

CREATE INDEX "Session_userId_idx" ON "Session" ("userId");

CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "providerEmail" TEXT,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account" ("provider", "providerAccountId");

CREATE INDEX "Account_type_idx" ON "Account" ("type");

CREATE INDEX "Account_userId_idx" ON "Account" ("userId");

CREATE TABLE "Impersonations" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "impersonatedUserId" INTEGER NOT NULL,
    "impersonatedById" INTEGER NOT NULL,
    CONSTRAINT "Impersonations_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Impersonations_impersonatedById_idx" ON "Impersonations" ("impersonatedById");

CREATE INDEX "Impersonations_impersonatedUserId_idx" ON "Impersonations" ("impersonatedUserId");

CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "hashedKey" TEXT NOT NULL,
    "appId" TEXT,
    "teamId" INTEGER,
    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ApiKey_hashedKey_key" ON "ApiKey" ("hashedKey");

CREATE UNIQUE INDEX "ApiKey_id_key" ON "ApiKey" ("id");

CREATE INDEX "ApiKey_userId_idx" ON "ApiKey" ("userId");

CREATE TABLE "AccessToken" (
    "id" SERIAL NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "platformOAuthClientId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccessToken_secret_key" ON "AccessToken" ("secret");

CREATE TABLE "RefreshToken" (
    "id" SERIAL NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "platformOAuthClientId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    CONSTRAINT "RefreshToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RefreshToken_secret_key" ON "RefreshToken" ("secret");

CREATE TABLE "ResetPasswordRequest" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "email" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ResetPasswordRequest_pkey" PRIMARY KEY ("id")
);

-- foreign keys
ALTER TABLE "users" ADD CONSTRAINT "users_movedToProfileId_fkey" FOREIGN KEY ("movedToProfileId") REFERENCES "Profile" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Team" ADD CONSTRAINT "Team_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UserPassword" ADD CONSTRAINT "UserPassword_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Impersonations" ADD CONSTRAINT "Impersonations_impersonatedById_fkey" FOREIGN KEY ("impersonatedById") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Impersonations" ADD CONSTRAINT "Impersonations_impersonatedUserId_fkey" FOREIGN KEY ("impersonatedUserId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
