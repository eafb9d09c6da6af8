package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.scheduling.AssignManagedEventType;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreatePrivateLink;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.DeletePrivateLink;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.HostAssignment;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Event types of the caller and of teams. The body holds the EventType columns by their cal.com
 * names (lengthInMinutes as in API v2 works too), plus schedulingType (ROUND_ROBIN, COLLECTIVE,
 * MANAGED), hosts and customInputs.
 */
@RestController
@Tag(name = "Event types")
class EventTypeCommandController {

    private static final Map<String, SchedulingType> SCHEDULING_TYPES = Map.of("ROUND_ROBIN", SchedulingType.roundRobin,
            "COLLECTIVE", SchedulingType.collective, "MANAGED", SchedulingType.managed);

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final ObjectMapper json;
    private final SchedulingLookups lookups;

    EventTypeCommandController(CommandGateway commands, IdAllocator ids, ObjectMapper json, SchedulingLookups lookups) {
        this.commands = commands;
        this.ids = ids;
        this.json = json;
        this.lookups = lookups;
    }

    record CustomInputRequest(String label, Boolean required, EventTypeCustomInputType type, String placeholder,
                              List<Map<String, Object>> options) {
    }

    record AssignInput(@NotEmpty List<@Positive Integer> userIds) {
    }

    record PrivateLinkInput(Instant expiresAt, @Positive Integer maxUsageCount) {
    }

    record Created(int id) {
    }

    record PrivateLink(int id, String link, Instant expiresAt) {
    }

    private record Parts(EventTypeSettings settings, SchedulingType schedulingType, List<HostAssignment> hosts,
                         List<CustomInput> customInputs) {
    }

    @PostMapping("/v2/event-types")
    @Operation(summary = "Create an event type of the caller")
    ResponseEntity<ApiResponse<Created>> create(@RequestBody ObjectNode body) {
        return create(body, Callers.required().userId(), null, "/v2/event-types/");
    }

    @PostMapping("/v2/teams/{teamId}/event-types")
    @Operation(summary = "Create an event type of a team (admins and owners)")
    ResponseEntity<ApiResponse<Created>> createForTeam(@PathVariable @Positive int teamId, @RequestBody ObjectNode body) {
        return create(body, null, teamId, "/v2/teams/" + teamId + "/event-types/");
    }

    @PatchMapping("/v2/event-types/{eventTypeId}")
    @Operation(summary = "Change an event type")
    ApiResponse<Created> update(@PathVariable @Positive int eventTypeId, @RequestBody ObjectNode body) {
        Parts parts = parts(body, false);
        commands.sendAndWait(new UpdateEventType(eventTypeId, parts.settings(), parts.hosts(), parts.customInputs()));
        return ApiResponse.success(new Created(eventTypeId));
    }

    @PatchMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @Operation(summary = "Change an event type of a team")
    ApiResponse<Created> updateForTeam(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId,
                                       @RequestBody ObjectNode body) {
        requireOfTeam(teamId, eventTypeId);
        return update(eventTypeId, body);
    }

    @DeleteMapping("/v2/event-types/{eventTypeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an event type")
    void delete(@PathVariable @Positive int eventTypeId) {
        commands.sendAndWait(new DeleteEventType(eventTypeId));
    }

    @DeleteMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an event type of a team")
    void deleteForTeam(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId) {
        requireOfTeam(teamId, eventTypeId);
        delete(eventTypeId);
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

    private ResponseEntity<ApiResponse<Created>> create(ObjectNode body, Integer userId, Integer teamId,
                                                        String location) {
        Parts parts = parts(body, true);
        int eventTypeId = ids.next("EventType");
        commands.sendAndWait(new CreateEventType(eventTypeId, userId, teamId, parts.schedulingType(), parts.settings(),
                parts.hosts(), parts.customInputs()));
        return ResponseEntity.created(URI.create(location + eventTypeId)).body(ApiResponse.success(new Created(eventTypeId)));
    }

    private Parts parts(ObjectNode body, boolean creating) {
        ObjectNode fields = body.deepCopy();
        SchedulingType schedulingType = Optional.ofNullable(fields.remove("schedulingType")).filter(n -> !n.isNull())
                .map(n -> Optional.ofNullable(SCHEDULING_TYPES.get(n.asText())).orElseThrow(() -> new InvalidInput(
                        "schedulingType", "is ROUND_ROBIN, COLLECTIVE or MANAGED")))
                .orElse(null);
        if (!creating && schedulingType != null) {
            throw new InvalidInput("schedulingType", "is chosen when the event type is created");
        }
        JsonNode hostsNode = fields.remove("hosts");
        List<HostAssignment> hosts = hostsNode == null || hostsNode.isNull() ? null
                : Arrays.asList(JsonInput.read(json, hostsNode, HostAssignment[].class, "hosts"));
        JsonNode inputsNode = fields.remove("customInputs");
        List<CustomInput> customInputs = inputsNode == null || inputsNode.isNull() ? null
                : Arrays.stream(JsonInput.read(json, inputsNode, CustomInputRequest[].class, "customInputs"))
                        .map(i -> new CustomInput(ids.next("EventTypeCustomInput"), i.label(),
                                Boolean.TRUE.equals(i.required()), i.type(), Objects.requireNonNullElse(i.placeholder(), ""),
                                i.options()))
                        .toList();
        JsonNode lengthInMinutes = fields.remove("lengthInMinutes");
        if (lengthInMinutes != null) {
            fields.set("length", lengthInMinutes);
        }
        return new Parts(JsonInput.read(json, fields, EventTypeSettings.class), schedulingType, hosts, customInputs);
    }

    private void requireOfTeam(int teamId, int eventTypeId) {
        if (lookups.eventType(eventTypeId).filter(e -> Objects.equals(e.teamId(), teamId)).isEmpty()) {
            throw new NotFound("Team " + teamId + " has no event type " + eventTypeId);
        }
    }
}
