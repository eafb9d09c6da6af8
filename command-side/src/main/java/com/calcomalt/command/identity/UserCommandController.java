package com.calcomalt.command.identity;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.ChangeUserRole;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.LockUser;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.identity.UnlockUser;
import com.calcomalt.contracts.identity.UpdateUserProfile;
import com.calcomalt.contracts.identity.UserPermissionRole;
import com.calcomalt.contracts.identity.UserView;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.MeOutput;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.calcomalt.platform.web.validation.TimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users")
class UserCommandController {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String WEEK_DAY = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
    static final String LOCALE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final CommandGateway commands;
    private final MeLookups me;
    private final IdAllocator ids;

    UserCommandController(CommandGateway commands, IdAllocator ids, MeLookups me) {
        this.commands = commands;
        this.me = me;
        this.ids = ids;
    }

    /** Omitted fields take cal.com's defaults: Europe/London, a week from Sunday, a 12-hour clock. */
    record CreateUserInput(
            @NotBlank @Email(regexp = EMAIL) @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = USERNAME) String username,
            @Size(max = 255) String name,
            @IanaTimeZone String timeZone,
            @Pattern(regexp = WEEK_DAY) String weekStart,
            @Pattern(regexp = LOCALE) String locale,
            @TimeFormat Integer timeFormat,
            IdentityProvider identityProvider,
            @Size(max = 255) String identityProviderId) {
    }

    /** Only the fields present change; a missing or null field keeps its value. */
    record UpdateUserInput(
            @Email(regexp = EMAIL) @Size(max = 254) String email,
            @Pattern(regexp = USERNAME) String username,
            @Size(max = 255) String name,
            @Size(max = 5000) String bio,
            @IanaTimeZone String timeZone,
            @Pattern(regexp = WEEK_DAY) String weekStart,
            @Pattern(regexp = LOCALE) String locale,
            @TimeFormat Integer timeFormat,
            @Size(max = 2048) String avatarUrl,
            @Size(max = 32) String brandColor,
            @Size(max = 32) String darkBrandColor,
            @Size(max = 32) String theme,
            @Size(max = 32) String appTheme,
            Boolean hideBranding,
            Boolean allowDynamicBooking,
            Map<String, Object> metadata) {

        UpdateUserProfile toCommand(int userId) {
            return new UpdateUserProfile(userId, email, username, name, bio, timeZone, weekStart, locale, timeFormat,
                    avatarUrl, brandColor, darkBrandColor, theme, appTheme, hideBranding, allowDynamicBooking,
                    metadata);
        }
    }

    record RoleInput(@NotNull UserPermissionRole role) {
    }

    @PostMapping("/v2/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (system administrators)")
    ResponseEntity<ApiResponse<UserView>> create(@Valid @RequestBody CreateUserInput input) {
        int userId = ids.next("users");
        UserView user = commands.sendAndWait(new RegisterUser(userId, UUID.randomUUID(), input.email(),
                input.username(), input.name(),
                Objects.requireNonNullElse(input.timeZone(), "Europe/London"),
                Objects.requireNonNullElse(input.weekStart(), "Sunday"),
                input.locale(),
                Objects.requireNonNullElse(input.timeFormat(), 12),
                Objects.requireNonNullElse(input.identityProvider(), IdentityProvider.CAL),
                input.identityProviderId(),
                CreationSource.api_v2));
        return ResponseEntity.created(URI.create("/v2/users/" + userId)).body(ApiResponse.success(user));
    }

    @PatchMapping("/v2/users/{userId}")
    @Operation(summary = "Update a user's profile or email")
    ApiResponse<UserView> update(@PathVariable @Positive int userId, @Valid @RequestBody UpdateUserInput input) {
        return ApiResponse.success(commands.sendAndWait(input.toCommand(userId)));
    }

    @PatchMapping("/v2/me")
    @Operation(summary = "Update the caller's own profile or email")
    ApiResponse<MeOutput> updateMe(@Valid @RequestBody UpdateUserInput input) {
        UserView updated = commands.sendAndWait(input.toCommand(Callers.required().userId()));
        return ApiResponse.success(MeOutput.of(me.placed(updated)));
    }

    @PostMapping("/v2/users/{userId}/lock")
    @Operation(summary = "Lock a user out (system administrators)")
    ApiResponse<UserView> lock(@PathVariable @Positive int userId) {
        return ApiResponse.success(commands.sendAndWait(new LockUser(userId)));
    }

    @PostMapping("/v2/users/{userId}/unlock")
    @Operation(summary = "Let a locked user back in (system administrators)")
    ApiResponse<UserView> unlock(@PathVariable @Positive int userId) {
        return ApiResponse.success(commands.sendAndWait(new UnlockUser(userId)));
    }

    @PutMapping("/v2/users/{userId}/role")
    @Operation(summary = "Make a user a system administrator, or no longer one (system administrators)")
    ApiResponse<UserView> role(@PathVariable @Positive int userId, @Valid @RequestBody RoleInput input) {
        return ApiResponse.success(commands.sendAndWait(new ChangeUserRole(userId, input.role())));
    }
}
