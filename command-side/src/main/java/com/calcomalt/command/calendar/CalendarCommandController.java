package com.calcomalt.command.calendar;

import com.calcomalt.calendar.CalendarKeys;
import com.calcomalt.calendar.connectors.CalendarAccount;
import com.calcomalt.command.calendar.CalendarConnecting.Connected;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.calendar.DeselectCalendar;
import com.calcomalt.contracts.calendar.DisconnectCalendar;
import com.calcomalt.contracts.calendar.SelectCalendar;
import com.calcomalt.contracts.calendar.SetDestinationCalendar;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * cal.com API v2's calendar commands: connect an ICS feed or a CalDAV account, disconnect one,
 * choose which calendars count for conflicts and where bookings go. Logins are taken, checked
 * against their server, sealed, and never answered.
 */
@RestController
@Tag(name = "Calendars")
class CalendarCommandController {

    private static final String HTTP_URL = "^https?://\\S+$";

    private final CalendarConnecting connecting;
    private final CalendarLookups lookups;
    private final CommandGateway commands;
    private final IdAllocator ids;

    CalendarCommandController(CalendarConnecting connecting, CalendarLookups lookups, CommandGateway commands,
                              IdAllocator ids) {
        this.connecting = connecting;
        this.lookups = lookups;
        this.commands = commands;
        this.ids = ids;
    }

    /** {@code teamId} connects the feeds for a team (its ADMINs and OWNERs), an addition to cal.com's body. */
    record IcsFeedInput(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 2048) @Pattern(regexp = HTTP_URL,
            message = "is an http(s) URL") String> urls, Boolean readOnly, @Positive Integer teamId) {
    }

    /**
     * cal.com's body ({@code username}, {@code password}) and the server's {@code url}, which a
     * CalDAV account needs and an Apple account does not.
     */
    record CredentialsInput(@Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "is an http(s) URL") String url,
                            @NotBlank @Size(max = 320) String username, @NotBlank @Size(max = 1024) String password,
                            @Positive Integer teamId) {

        @Override
        public String toString() {
            return "CredentialsInput[url=" + url + ", username=" + username + ", teamId=" + teamId + "]";
        }
    }

    record DisconnectInput(@NotNull @Positive Integer id) {
    }

    /** cal.com's body, and {@code eventTypeId} for a selection that counts for one event type only. */
    record SelectedCalendarInput(@NotBlank @Size(max = 64) String integration,
                                 @NotBlank @Size(max = 2048) String externalId, @NotNull @Positive Integer credentialId,
                                 @Positive Integer eventTypeId) {
    }

    /** cal.com's body; {@code eventTypeId} sets an event type's destination, {@code credentialId} picks the account. */
    record DestinationInput(@NotBlank @Size(max = 64) String integration, @NotBlank @Size(max = 2048) String externalId,
                            @Positive Integer credentialId, @Positive Integer eventTypeId) {
    }

    /** A Credential as cal.com answers it: never its key. */
    record CredentialOutput(int id, String type, Integer userId, Integer teamId, String appId, boolean invalid) {
    }

    record SelectedCalendarOutput(int userId, String integration, String externalId, int credentialId,
                                  Integer eventTypeId) {
    }

    record DestinationOutput(Integer userId, Integer eventTypeId, String integration, String externalId,
                             int credentialId) {
    }

    @PostMapping("/v2/calendars/ics-feed/save")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect ICS feeds (read-only calendars); each URL is fetched first")
    ApiResponse<CredentialOutput> saveIcsFeed(@Valid @RequestBody IcsFeedInput input) {
        Caller caller = Callers.required();
        Connected connected = connecting.connectIcsFeeds(input.urls(), input.teamId() == null ? caller.userId() : null,
                input.teamId());
        return ApiResponse.success(output(connected));
    }

    @PostMapping("/v2/calendars/{calendar}/credentials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect a CalDAV account (calendar 'caldav', or 'apple' for iCloud); the login is tried first")
    ApiResponse<CredentialOutput> saveCredentials(@PathVariable String calendar,
                                                  @Valid @RequestBody CredentialsInput input) {
        Caller caller = Callers.required();
        CalendarKeys.App app = CalendarKeys.App.byPath(calendar)
                .filter(a -> !a.type().equals(CalendarKeys.ICS_FEED_TYPE))
                .orElseThrow(() -> new InvalidInput("calendar", "is 'caldav' or 'apple'"));
        String url = input.url() != null ? input.url() : app.defaultUrl();
        if (url == null) {
            throw new InvalidInput("url", "is the CalDAV server's address");
        }
        Connected connected = connecting.connectCalDav(app.type(), app.appId(),
                new CalendarAccount(url, input.username().trim(), input.password()),
                input.teamId() == null ? caller.userId() : null, input.teamId());
        return ApiResponse.success(output(connected));
    }

    @PostMapping("/v2/calendars/{calendar}/disconnect")
    @Operation(summary = "Disconnect a calendar account, with its selected and destination calendars")
    ApiResponse<CredentialOutput> disconnect(@PathVariable String calendar, @Valid @RequestBody DisconnectInput input) {
        CalendarLookups.Account account = lookups.account(input.id())
                .orElseThrow(() -> new ResourceNotFound("No calendar credential " + input.id()));
        commands.sendAndWait(new DisconnectCalendar(input.id()));
        return ApiResponse.success(new CredentialOutput(account.credentialId(), account.type(), account.userId(),
                account.teamId(), CalendarKeys.App.byType(account.type()).map(CalendarKeys.App::appId).orElse(null),
                account.invalid()));
    }

    @PostMapping("/v2/selected-calendars")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a calendar count for the caller's conflicts (for all event types, or one)")
    ApiResponse<SelectedCalendarOutput> select(@Valid @RequestBody SelectedCalendarInput input) {
        Caller caller = Callers.required();
        requireIntegration(input.credentialId(), input.integration());
        commands.sendAndWait(new SelectCalendar(input.credentialId(), Ids.text(), caller.userId(), input.externalId(),
                input.eventTypeId()));
        return ApiResponse.success(new SelectedCalendarOutput(caller.userId(), input.integration(), input.externalId(),
                input.credentialId(), input.eventTypeId()));
    }

    @DeleteMapping("/v2/selected-calendars")
    @Operation(summary = "Stop counting a calendar for the caller's conflicts")
    ApiResponse<SelectedCalendarOutput> deselect(@RequestParam @NotBlank String integration,
                                                 @RequestParam @NotBlank String externalId,
                                                 @RequestParam @Positive int credentialId,
                                                 @RequestParam(required = false) @Positive Integer eventTypeId) {
        Caller caller = Callers.required();
        requireIntegration(credentialId, integration);
        commands.sendAndWait(new DeselectCalendar(credentialId, caller.userId(), externalId, eventTypeId));
        return ApiResponse.success(new SelectedCalendarOutput(caller.userId(), integration, externalId, credentialId,
                eventTypeId));
    }

    @PutMapping("/v2/destination-calendars")
    @Operation(summary = "Choose the calendar new bookings are written to (the caller's, or one event type's)")
    ApiResponse<DestinationOutput> destination(@Valid @RequestBody DestinationInput input) {
        Caller caller = Callers.required();
        int credentialId = input.credentialId() != null ? input.credentialId()
                : lookups.credentialWith(caller.userId(), input.integration(), input.externalId())
                .orElseThrow(() -> new ResourceNotFound("None of your " + input.integration() + " accounts has calendar "
                        + input.externalId()));
        requireIntegration(credentialId, input.integration());
        Integer userId = input.eventTypeId() == null ? caller.userId() : null;
        commands.sendAndWait(new SetDestinationCalendar(ids.next("DestinationCalendar"), userId, input.eventTypeId(),
                credentialId, input.externalId()));
        return ApiResponse.success(new DestinationOutput(userId, input.eventTypeId(), input.integration(),
                input.externalId(), credentialId));
    }

    /** cal.com names the account's type beside its id; the two must agree. */
    private void requireIntegration(int credentialId, String integration) {
        lookups.account(credentialId).filter(a -> !a.type().equals(integration)).ifPresent(a -> {
            throw new InvalidInput("integration", "is '" + a.type() + "' for credential " + credentialId);
        });
    }

    private static CredentialOutput output(Connected connected) {
        return new CredentialOutput(connected.credentialId(), connected.type(), connected.userId(), connected.teamId(),
                connected.appId(), false);
    }
}
