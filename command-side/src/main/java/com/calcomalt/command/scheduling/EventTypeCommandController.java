package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.scheduling.AssignManagedEventType;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreatePrivateLink;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.DeletePrivateLink;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeView;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.rules.scheduling.EventTypeOutput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event types of the caller and of teams, in cal.com API v2's shapes (2024-06-14): the body is
 * {@link EventTypeRequest}, and creating or changing one answers with the event type as it now is.
 */
@RestController
@CalApiVersion(CalApiVersion.EVENT_TYPES)
@Tag(name = "Event types")
class EventTypeCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final SchedulingLookups lookups;
    private final DecidedEventTypes decided;

    EventTypeCommandController(CommandGateway commands, IdAllocator ids, SchedulingLookups lookups,
                               DecidedEventTypes decided) {
        this.commands = commands;
        this.ids = ids;
        this.lookups = lookups;
        this.decided = decided;
    }

    record AssignInput(@NotEmpty List<@Positive Integer> userIds) {
    }

    record PrivateLinkInput(Instant expiresAt, @Positive Integer maxUsageCount) {
    }

    record Created(int id) {
    }

    record PrivateLink(int id, String link, Instant expiresAt) {
    }

    @PostMapping("/v2/event-types")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event type of the caller")
    ResponseEntity<ApiResponse<EventTypeOutput>> create(@Valid @RequestBody EventTypeRequest body) {
        return create(body, Callers.required().userId(), null, "/v2/event-types/");
    }

    @PostMapping("/v2/teams/{teamId}/event-types")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event type of a team (admins and owners)")
    ResponseEntity<ApiResponse<EventTypeOutput>> createForTeam(@PathVariable @Positive int teamId,
                                                               @Valid @RequestBody EventTypeRequest body) {
        return create(body, null, teamId, "/v2/teams/" + teamId + "/event-types/");
    }

    @PatchMapping("/v2/event-types/{eventTypeId}")
    @Operation(summary = "Change an event type; what the body leaves out stays as it is")
    ApiResponse<EventTypeOutput> update(@PathVariable @Positive int eventTypeId,
                                        @Valid @RequestBody EventTypeRequest body) {
        if (body.schedulingType() != null) {
            throw new InvalidInput("schedulingType", "is chosen when the event type is created");
        }
        EventTypeView current = decided.view(eventTypeId);
        EventTypeSettings settings = body.settings(current.settings().metadata(),
                current.settings().seatsPerTimeSlot() != null);
        commands.sendAndWait(new UpdateEventType(eventTypeId, settings,
                body.hostAssignments(current.schedulingType()), customInputs(body), body.cleared()));
        return ApiResponse.success(decided.of(eventTypeId));
    }

    @PatchMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @Operation(summary = "Change an event type of a team")
    ApiResponse<EventTypeOutput> updateForTeam(@PathVariable @Positive int teamId,
                                               @PathVariable @Positive int eventTypeId,
                                               @Valid @RequestBody EventTypeRequest body) {
        requireOfTeam(teamId, eventTypeId);
        return update(eventTypeId, body);
    }

    /** cal.com's DeleteEventTypeOutput_2024_06_14 names what went. */
    record Deleted(int id, Integer lengthInMinutes, String slug, String title) {
    }

    @DeleteMapping("/v2/event-types/{eventTypeId}")
    @Operation(summary = "Delete an event type")
    ApiResponse<Deleted> delete(@PathVariable @Positive int eventTypeId) {
        EventTypeSettings gone = decided.view(eventTypeId).settings();
        commands.sendAndWait(new DeleteEventType(eventTypeId));
        return ApiResponse.success(new Deleted(eventTypeId, gone.length(), gone.slug(), gone.title()));
    }

    @DeleteMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @Operation(summary = "Delete an event type of a team")
    ApiResponse<Deleted> deleteForTeam(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId) {
        requireOfTeam(teamId, eventTypeId);
        return delete(eventTypeId);
    }

    @PostMapping("/v2/teams/{teamId}/event-types/{eventTypeId}/assign")
    @Operation(summary = "Give members their own child of a MANAGED event type")
    ApiResponse<Created> assign(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId,
                                @Valid @RequestBody AssignInput input) {
        requireOfTeam(teamId, eventTypeId);
        List<Integer> childIds = input.userIds().stream().map(u -> ids.next("EventType")).toList();
        commands.sendAndWait(new AssignManagedEventType(eventTypeId, input.userIds(), childIds));
        return ApiResponse.success(new Created(eventTypeId));
    }

    @PostMapping("/v2/event-types/{eventTypeId}/private-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a private link to book an event type, used once unless said otherwise")
    ResponseEntity<ApiResponse<PrivateLink>> createPrivateLink(@PathVariable @Positive int eventTypeId,
                                                               @Valid @RequestBody(required = false) PrivateLinkInput input) {
        PrivateLinkInput request = input == null ? new PrivateLinkInput(null, null) : input;
        int linkId = ids.next("HashedLink");
        String link = Ids.text().replace("-", "");
        commands.sendAndWait(new CreatePrivateLink(eventTypeId, linkId, link, request.expiresAt(),
                request.maxUsageCount()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiResponse.success(new PrivateLink(linkId, link, request.expiresAt())));
    }

    @DeleteMapping("/v2/event-types/{eventTypeId}/private-links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a private link")
    void deletePrivateLink(@PathVariable @Positive int eventTypeId, @PathVariable @Positive int linkId) {
        commands.sendAndWait(new DeletePrivateLink(eventTypeId, linkId));
    }

    private ResponseEntity<ApiResponse<EventTypeOutput>> create(EventTypeRequest body, Integer userId,
                                                                Integer teamId, String location) {
        body.requireCreatable();
        int eventTypeId = ids.next("EventType");
        commands.sendAndWait(new CreateEventType(eventTypeId, userId, teamId, body.scheduling(),
                body.settings(null, false), body.hostAssignments(body.scheduling()), customInputs(body)));
        return ResponseEntity.created(URI.create(location + eventTypeId))
                .body(ApiResponse.success(decided.of(eventTypeId)));
    }

    private List<CustomInput> customInputs(EventTypeRequest body) {
        return body.customInputs() == null ? null : body.customInputs().stream()
                .map(i -> new CustomInput(ids.next("EventTypeCustomInput"), i.label(),
                        Boolean.TRUE.equals(i.required()), i.type(), Objects.requireNonNullElse(i.placeholder(), ""),
                        i.options()))
                .toList();
    }

    private void requireOfTeam(int teamId, int eventTypeId) {
        if (lookups.eventType(eventTypeId).filter(e -> Objects.equals(e.teamId(), teamId)).isEmpty()) {
            throw new NotFound("Team " + teamId + " has no event type " + eventTypeId);
        }
    }
}
