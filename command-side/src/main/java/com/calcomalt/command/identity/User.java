package com.calcomalt.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.LockUser;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.UnlockUser;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.contracts.identity.UserEmailChanged;
import com.calcomalt.contracts.identity.UserIds;
import com.calcomalt.contracts.identity.UserLocked;
import com.calcomalt.contracts.identity.UserProfileUpdated;
import com.calcomalt.contracts.identity.UserRegistered;
import com.calcomalt.contracts.identity.UserUnlocked;
import com.calcomalt.contracts.identity.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who books or is booked. Uniqueness of email and username spans users, so it is kept by
 * {@link UserRegistry}; this aggregate keeps the rules of one user. Each command answers with the
 * user as it now stands.
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private String aggregateId;
    private int userId;
    private UUID uuid;
    private String email;
    private Profile profile;
    private IdentityProvider identityProvider;
    private boolean locked;
    private Instant registeredAt;

    /** What a user may change about themselves; a PATCH merges into it. */
    private record Profile(String username, String name, String bio, String timeZone, String weekStart,
                           String locale, int timeFormat, String avatarUrl, String brandColor,
                           String darkBrandColor, String theme, String appTheme, boolean hideBranding,
                           boolean allowDynamicBooking, Map<String, Object> metadata) {
    }

    protected User() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    UserView handle(RegisterUser command, Clock clock) {
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
    UserView handle(UpdateUserProfile command, Clock clock) {
        Instant now = clock.instant();
        if (command.email() != null) {
            UserRules.requireEmail(command.email());
            String newEmail = UserRules.normalizeEmail(command.email());
            if (!newEmail.equals(email)) {
                apply(new UserEmailChanged(userId, email, newEmail, now));
            }
        }
        Profile changed = merge(command);
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
    UserView handle(LockUser command, Clock clock) {
        if (!locked) {
            apply(new UserLocked(userId, clock.instant()));
        }
        return view();
    }

    @CommandHandler
    UserView handle(UnlockUser command, Clock clock) {
        if (locked) {
            apply(new UserUnlocked(userId, clock.instant()));
        }
        return view();
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        aggregateId = UserIds.aggregateId(event.userId());
        userId = event.userId();
        uuid = event.uuid();
        email = event.email();
        identityProvider = event.identityProvider();
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

    private Profile merge(UpdateUserProfile c) {
        return new Profile(
                keep(c.username(), profile.username()),
                keep(c.name(), profile.name()),
                keep(c.bio(), profile.bio()),
                keep(c.timeZone(), profile.timeZone()),
                keep(c.weekStart(), profile.weekStart()),
                keep(c.locale(), profile.locale()),
                keep(c.timeFormat(), profile.timeFormat()),
                keep(c.avatarUrl(), profile.avatarUrl()),
                keep(c.brandColor(), profile.brandColor()),
                keep(c.darkBrandColor(), profile.darkBrandColor()),
                keep(c.theme(), profile.theme()),
                keep(c.appTheme(), profile.appTheme()),
                keep(c.hideBranding(), profile.hideBranding()),
                keep(c.allowDynamicBooking(), profile.allowDynamicBooking()),
                keep(c.metadata(), profile.metadata()));
    }

    private static <T> T keep(T requested, T current) {
        return requested != null ? requested : current;
    }

    private UserView view() {
        return new UserView(userId, uuid, email, null, profile.username(), profile.name(), profile.bio(),
                profile.avatarUrl(), profile.timeZone(), profile.weekStart(), profile.timeFormat(), profile.locale(),
                null, profile.brandColor(), profile.darkBrandColor(), profile.theme(), profile.appTheme(),
                profile.hideBranding(), profile.allowDynamicBooking(), false, locked, "USER", identityProvider,
                null, profile.metadata(), registeredAt);
    }
}
