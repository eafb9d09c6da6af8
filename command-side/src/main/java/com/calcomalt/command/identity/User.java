package com.calcomalt.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.identity.AccountLinked;
import com.calcomalt.contracts.identity.AccountUnlinked;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.ChangeUserRole;
import com.calcomalt.contracts.identity.CompletePasswordReset;
import com.calcomalt.contracts.identity.EndSession;
import com.calcomalt.contracts.identity.ExpireOAuthTokens;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.ImpersonateUser;
import com.calcomalt.contracts.identity.IssueOAuthTokens;
import com.calcomalt.contracts.identity.LinkAccount;
import com.calcomalt.contracts.identity.LockUser;
import com.calcomalt.contracts.identity.OAuthTokensExpired;
import com.calcomalt.contracts.identity.OAuthTokensIssued;
import com.calcomalt.contracts.identity.OAuthTokensRevoked;
import com.calcomalt.contracts.identity.PasswordResetCompleted;
import com.calcomalt.contracts.identity.PasswordResetRequested;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.RequestPasswordReset;
import com.calcomalt.contracts.identity.RevokeOAuthTokens;
import com.calcomalt.contracts.identity.SessionEnded;
import com.calcomalt.contracts.identity.SessionStarted;
import com.calcomalt.contracts.identity.SetUserImpersonation;
import com.calcomalt.contracts.identity.SetUserPassword;
import com.calcomalt.contracts.identity.StartSession;
import com.calcomalt.contracts.identity.UnlinkAccount;
import com.calcomalt.contracts.identity.UnlockUser;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserImpersonated;
import com.calcomalt.contracts.identity.UserImpersonationSettingChanged;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserPasswordChanged;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserRoleChanged;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A person who books or is booked, with what proves who they are: password, sessions, linked
 * accounts, OAuth tokens. Users change only themselves; a system admin changes anyone. Uniqueness
 * of email and username spans users and is kept by {@link UserRegistry}. Each profile command
 * answers with the user as it now stands.
 */
@Aggregate
public class User {

    /** cal.com lets a reset link live six hours. */
    static final Duration PASSWORD_RESET_LIFETIME = Duration.ofHours(6);

    @AggregateIdentifier
    private String aggregateId;
    private int userId;
    private UUID uuid;
    private String email;
    private Profile profile;
    private IdentityProvider identityProvider;
    private UserPermissionRole role;
    private boolean locked;
    private boolean disableImpersonation;
    private String passwordHash;
    private Instant registeredAt;
    private final Set<String> sessions = new HashSet<>();
    private final Map<String, AccountLinked> accounts = new HashMap<>();
    private final Map<Integer, Integer> oauthRefreshTokenByAccessToken = new HashMap<>();
    private final Set<Integer> expiredAccessTokens = new HashSet<>();
    private final Map<String, Instant> passwordResetsUntil = new HashMap<>();

    /** What a user may change about themselves; a PATCH merges into it. */
    record Profile(String username, String name, String bio, String timeZone, String weekStart,
                           String locale, int timeFormat, String avatarUrl, String brandColor,
                           String darkBrandColor, String theme, String appTheme, boolean hideBranding,
                           boolean allowDynamicBooking, Map<String, Object> metadata) {
    }

    protected User() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    UserView handle(RegisterUser command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        if (caller == null || !caller.systemAdmin()) {
            throw new AccessDenied("Only a system administrator creates users");
        }
        UserRules.requireEmail(command.email());
        UserRules.requireUsername(command.username());
        UserRules.requireTimeZone(command.timeZone());
        UserRules.requireWeekStart(command.weekStart());
        UserRules.requireTimeFormat(command.timeFormat());
        apply(new UserRegistered(command.userId(), command.uuid(), UserRules.normalizeEmail(command.email()),
                command.username(), command.name(), command.timeZone(), command.weekStart(), command.locale(),
                command.timeFormat(), command.identityProvider(), command.identityProviderId(),
                command.creationSource(), clock.instant()));
        return view();
    }

    @CommandHandler
    UserView handle(UpdateUserProfile command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        Instant now = clock.instant();
        if (command.email() != null) {
            UserRules.requireEmail(command.email());
            String newEmail = UserRules.normalizeEmail(command.email());
            if (!newEmail.equals(email)) {
                apply(new UserEmailChanged(userId, email, newEmail, now));
            }
        }
        Profile changed = UserRules.merged(profile, command);
        if (!changed.equals(profile)) {
            UserRules.requireUsername(changed.username());
            UserRules.requireTimeZone(changed.timeZone());
            UserRules.requireWeekStart(changed.weekStart());
            UserRules.requireTimeFormat(changed.timeFormat());
            apply(new UserProfileUpdated(userId, changed.username(), changed.name(), changed.bio(),
                    changed.timeZone(), changed.weekStart(), changed.locale(), changed.timeFormat(),
                    changed.avatarUrl(), changed.brandColor(), changed.darkBrandColor(), changed.theme(),
                    changed.appTheme(), changed.hideBranding(), changed.allowDynamicBooking(), changed.metadata(),
                    now));
        }
        return view();
    }

    /** Locking twice changes nothing: the user is locked either way. */
    @CommandHandler
    UserView handle(LockUser command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSystemAdmin(caller, "locks users");
        if (caller.userId() == userId) {
            throw new DomainRuleViolation("An administrator cannot lock themselves out");
        }
        if (!locked) {
            apply(new UserLocked(userId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    UserView handle(UnlockUser command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSystemAdmin(caller, "unlocks users");
        if (locked) {
            apply(new UserUnlocked(userId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    UserView handle(ChangeUserRole command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSystemAdmin(caller, "changes system roles");
        if (command.role() == null) {
            throw new DomainRuleViolation("A system role is USER or ADMIN");
        }
        if (caller.userId() == userId && command.role() != UserPermissionRole.ADMIN) {
            throw new DomainRuleViolation("An administrator cannot take away their own ADMIN role");
        }
        if (command.role() != role) {
            apply(new UserRoleChanged(userId, command.role(), clock.instant()));
        }
        return view();
    }

    /**
     * Whoever changes their own password proves they know it, administrators too: a stolen key alone
     * must not take over an account. An administrator setting someone else's password need not.
     */
    @CommandHandler
    void handle(SetUserPassword command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        UserRules.requireBcrypt(command.passwordHash());
        if (passwordHash != null && caller.userId() == userId
                && (command.currentPassword() == null || !BCrypt.checkpw(command.currentPassword(), passwordHash))) {
            throw new DomainRuleViolation("The current password is not right");
        }
        apply(new UserPasswordChanged(userId, command.passwordHash(), clock.instant()));
    }

    @CommandHandler
    void handle(RequestPasswordReset command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        Instant now = clock.instant();
        apply(new PasswordResetRequested(command.requestId(), userId, email, now.plus(PASSWORD_RESET_LIFETIME), now));
    }

    /** Knowing the request's id is the proof: it was sent to the user's email. */
    @CommandHandler
    void handle(CompletePasswordReset command, Clock clock) {
        if (locked) {
            throw new AccessDenied("User " + userId + " is locked");
        }
        Instant now = clock.instant();
        Instant until = passwordResetsUntil.get(command.requestId());
        if (until == null || !now.isBefore(until)) {
            throw new DomainRuleViolation("This password reset is unknown, used or expired; request a new one");
        }
        UserRules.requireBcrypt(command.passwordHash());
        apply(new PasswordResetCompleted(command.requestId(), userId, now));
        apply(new UserPasswordChanged(userId, command.passwordHash(), now));
    }

    @CommandHandler
    void handle(SetUserImpersonation command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        if (command.disableImpersonation() != disableImpersonation) {
            apply(new UserImpersonationSettingChanged(userId, command.disableImpersonation(), clock.instant()));
        }
    }

    /**
     * A system admin may impersonate anyone; a team's admin or owner may impersonate its members,
     * unless the member disabled it on that membership. Nobody impersonates a user who disabled it.
     */
    @CommandHandler
    void handle(ImpersonateUser command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.IMPERSONATION) ImpersonationFacts facts, Clock clock) {
        if (caller == null) {
            throw new AccessDenied("Impersonation needs a known user");
        }
        if (caller.userId() == userId) {
            throw new DomainRuleViolation("Nobody impersonates themselves");
        }
        if (disableImpersonation) {
            throw new AccessDenied("User " + userId + " does not allow impersonation");
        }
        boolean allowed = caller.systemAdmin() || (caller.teamScope() == null && facts != null
                && facts.callerRunsATeamOfTarget() && facts.allowedByThoseTeams());
        if (!allowed) {
            throw new AccessDenied(facts != null && facts.callerRunsATeamOfTarget()
                    ? "User " + userId + " disabled impersonation on their memberships"
                    : "Only a system admin or an admin of one of their teams impersonates user " + userId);
        }
        apply(new UserImpersonated(command.impersonationId(), userId, caller.userId(), clock.instant()));
    }

    @CommandHandler
    void handle(StartSession command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        UserRules.requireSha256(command.sessionTokenHash(), "A session token");
        Instant now = clock.instant();
        UserRules.requireFuture(command.expires(), now, "A session");
        if (sessions.contains(command.sessionId())) {
            throw new DomainConflict("User " + userId + " has a session " + command.sessionId() + " already");
        }
        apply(new SessionStarted(command.sessionId(), userId, command.sessionTokenHash(), command.expires(), now));
    }

    @CommandHandler
    void handle(EndSession command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        if (!sessions.contains(command.sessionId())) {
            throw new NotFound("User " + userId + " has no session " + command.sessionId());
        }
        apply(new SessionEnded(command.sessionId(), userId, clock.instant()));
    }

    @CommandHandler
    void handle(LinkAccount command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        if (UserRules.blank(command.type()) || UserRules.blank(command.provider()) || UserRules.blank(command.providerAccountId())) {
            throw new DomainRuleViolation("A linked account names its type, provider and the provider's account id");
        }
        if (accounts.containsKey(command.accountId())) {
            throw new DomainConflict("User " + userId + " has a linked account " + command.accountId() + " already");
        }
        apply(new AccountLinked(command.accountId(), userId, command.type(), command.provider(),
                command.providerAccountId(), command.providerEmail(), command.scope(), clock.instant()));
    }

    @CommandHandler
    void handle(UnlinkAccount command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        AccountLinked account = accounts.get(command.accountId());
        if (account == null) {
            throw new NotFound("User " + userId + " has no linked account " + command.accountId());
        }
        apply(new AccountUnlinked(command.accountId(), userId, account.provider(), account.providerAccountId(),
                clock.instant()));
    }

    @CommandHandler
    void handle(IssueOAuthTokens command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        if (UserRules.blank(command.platformOAuthClientId())) {
            throw new DomainRuleViolation("OAuth tokens are issued through an OAuth client");
        }
        UserRules.requireSha256(command.accessTokenHash(), "An access token");
        UserRules.requireSha256(command.refreshTokenHash(), "A refresh token");
        Instant now = clock.instant();
        UserRules.requireFuture(command.accessTokenExpiresAt(), now, "An access token");
        UserRules.requireFuture(command.refreshTokenExpiresAt(), now, "A refresh token");
        if (command.refreshTokenExpiresAt().isBefore(command.accessTokenExpiresAt())) {
            throw new DomainRuleViolation("A refresh token outlives its access token");
        }
        if (oauthRefreshTokenByAccessToken.containsKey(command.accessTokenId())) {
            throw new DomainConflict("User " + userId + " has an access token " + command.accessTokenId() + " already");
        }
        apply(new OAuthTokensIssued(command.accessTokenId(), command.refreshTokenId(), userId,
                command.platformOAuthClientId(), command.accessTokenHash(), command.refreshTokenHash(),
                command.accessTokenExpiresAt(), command.refreshTokenExpiresAt(), now));
    }

    @CommandHandler
    void handle(RevokeOAuthTokens command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        apply(new OAuthTokensRevoked(command.accessTokenId(), refreshTokenOf(command.accessTokenId()), userId,
                clock.instant()));
    }

    @CommandHandler
    void handle(ExpireOAuthTokens command, @MetaDataValue(CallerMetaData.CALLER) Caller caller, Clock clock) {
        requireSelfOrAdmin(caller);
        int refreshTokenId = refreshTokenOf(command.accessTokenId());
        if (!expiredAccessTokens.contains(command.accessTokenId())) {
            apply(new OAuthTokensExpired(command.accessTokenId(), refreshTokenId, userId, clock.instant()));
        }
    }

    private int refreshTokenOf(int accessTokenId) {
        Integer refreshTokenId = oauthRefreshTokenByAccessToken.get(accessTokenId);
        if (refreshTokenId == null) {
            throw new NotFound("User " + userId + " has no access token " + accessTokenId);
        }
        return refreshTokenId;
    }

    private void requireSelfOrAdmin(Caller caller) {
        if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Users change only themselves; user " + userId + " is someone else");
        }
    }

    private static void requireSystemAdmin(Caller caller, String what) {
        if (caller == null || !caller.systemAdmin()) {
            throw new AccessDenied("Only a system administrator " + what);
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        aggregateId = UserIds.aggregateId(event.userId());
        userId = event.userId();
        uuid = event.uuid();
        email = event.email();
        identityProvider = event.identityProvider();
        role = UserPermissionRole.USER;
        registeredAt = event.registeredAt();
        profile = new Profile(event.username(), event.name(), null, event.timeZone(), event.weekStart(),
                event.locale(), event.timeFormat(), null, null, null, null, null, false, true, null);
    }

    @EventSourcingHandler
    void on(UserEmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserProfileUpdated event) {
        profile = new Profile(event.username(), event.name(), event.bio(), event.timeZone(), event.weekStart(),
                event.locale(), event.timeFormat(), event.avatarUrl(), event.brandColor(), event.darkBrandColor(),
                event.theme(), event.appTheme(), event.hideBranding(), event.allowDynamicBooking(),
                event.metadata());
    }

    @EventSourcingHandler
    void on(UserLocked event) {
        locked = true;
    }

    @EventSourcingHandler
    void on(UserUnlocked event) {
        locked = false;
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = event.role();
    }

    /** A new password ends every reset still open. */
    @EventSourcingHandler
    void on(UserPasswordChanged event) {
        passwordHash = event.passwordHash();
        passwordResetsUntil.clear();
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        passwordResetsUntil.put(event.requestId(), event.expires());
    }

    @EventSourcingHandler
    void on(PasswordResetCompleted event) {
        passwordResetsUntil.remove(event.requestId());
    }

    @EventSourcingHandler
    void on(UserImpersonationSettingChanged event) {
        disableImpersonation = event.disableImpersonation();
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessions.add(event.sessionId());
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        sessions.remove(event.sessionId());
    }

    @EventSourcingHandler
    void on(AccountLinked event) {
        accounts.put(event.accountId(), event);
    }

    @EventSourcingHandler
    void on(AccountUnlinked event) {
        accounts.remove(event.accountId());
    }

    @EventSourcingHandler
    void on(OAuthTokensIssued event) {
        oauthRefreshTokenByAccessToken.put(event.accessTokenId(), event.refreshTokenId());
    }

    @EventSourcingHandler
    void on(OAuthTokensExpired event) {
        expiredAccessTokens.add(event.accessTokenId());
    }

    @EventSourcingHandler
    void on(OAuthTokensRevoked event) {
        oauthRefreshTokenByAccessToken.remove(event.accessTokenId());
        expiredAccessTokens.remove(event.accessTokenId());
    }

    private UserView view() {
        return new UserView(userId, uuid, email, null, profile.username(), profile.name(), profile.bio(),
                profile.avatarUrl(), profile.timeZone(), profile.weekStart(), profile.timeFormat(), profile.locale(),
                null, profile.brandColor(), profile.darkBrandColor(), profile.theme(), profile.appTheme(),
                profile.hideBranding(), profile.allowDynamicBooking(), false, locked, disableImpersonation, role.name(),
                identityProvider,
                null, profile.metadata(), registeredAt);
    }
}
