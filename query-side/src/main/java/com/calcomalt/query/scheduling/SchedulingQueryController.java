package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeView;
import com.calcomalt.contracts.scheduling.FindEventType;
import com.calcomalt.contracts.scheduling.FindEventTypes;
import com.calcomalt.contracts.scheduling.FindPrivateLinks;
import com.calcomalt.contracts.scheduling.FindSchedule;
import com.calcomalt.contracts.scheduling.FindSchedules;
import com.calcomalt.contracts.scheduling.PrivateLinkView;
import com.calcomalt.contracts.scheduling.PrivateLinks;
import com.calcomalt.contracts.scheduling.ScheduleView;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules and event types as far as the caller may see them; event type settings shown flat, as
 * cal.com does. An event type's private links only to whoever may change it.
 */
@RestController
@Tag(name = "Scheduling")
class SchedulingQueryController {

    private static final Map<SchedulingType, String> API_NAMES = Map.of(SchedulingType.roundRobin, "ROUND_ROBIN",
            SchedulingType.collective, "COLLECTIVE", SchedulingType.managed, "MANAGED");

    private final QueryGateway queries;
    private final ObjectMapper json;

    SchedulingQueryController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/v2/schedules")
    @Operation(summary = "The caller's schedules")
    ApiResponse<List<ScheduleView>> schedules() {
        return ApiResponse.success(queries.query(new FindSchedules(Callers.required()),
                ResponseTypes.multipleInstancesOf(ScheduleView.class)).join());
    }

    @GetMapping("/v2/schedules/default")
    @Operation(summary = "The caller's default schedule")
    ApiResponse<ScheduleView> defaultSchedule() {
        return ApiResponse.success(schedules().data().stream().filter(ScheduleView::isDefault).findFirst()
                .orElseThrow(() -> new ResourceNotFound("The caller has no schedule yet")));
    }

    @GetMapping("/v2/schedules/{scheduleId}")
    @Operation(summary = "Get a schedule")
    ApiResponse<ScheduleView> schedule(@PathVariable @Positive int scheduleId) {
        return ApiResponse.success(queries.query(new FindSchedule(scheduleId, Callers.required()),
                ResponseTypes.optionalInstanceOf(ScheduleView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No schedule with id " + scheduleId)));
    }

    @GetMapping("/v2/event-types")
    @Operation(summary = "The caller's event types")
    ApiResponse<List<ObjectNode>> eventTypes() {
        return ApiResponse.success(list(null));
    }

    @GetMapping("/v2/event-types/{eventTypeId}")
    @Operation(summary = "Get an event type")
    ApiResponse<ObjectNode> eventType(@PathVariable @Positive int eventTypeId) {
        return ApiResponse.success(flat(find(eventTypeId)));
    }

    @GetMapping("/v2/teams/{teamId}/event-types")
    @Operation(summary = "A team's event types")
    ApiResponse<List<ObjectNode>> teamEventTypes(@PathVariable @Positive int teamId) {
        return ApiResponse.success(list(teamId));
    }

    @GetMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @Operation(summary = "Get an event type of a team")
    ApiResponse<ObjectNode> teamEventType(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId) {
        EventTypeView view = find(eventTypeId);
        if (!Objects.equals(view.teamId(), teamId)) {
            throw new ResourceNotFound("Team " + teamId + " has no event type " + eventTypeId);
        }
        return ApiResponse.success(flat(view));
    }

    @GetMapping("/v2/event-types/{eventTypeId}/private-links")
    @Operation(summary = "An event type's private links, for whoever may make them")
    ApiResponse<List<PrivateLinkView>> privateLinks(@PathVariable @Positive int eventTypeId) {
        return ApiResponse.success(queries.query(new FindPrivateLinks(eventTypeId, Callers.required()),
                        ResponseTypes.optionalInstanceOf(PrivateLinks.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No event type with id " + eventTypeId)).links());
    }

    private List<ObjectNode> list(Integer teamId) {
        return queries.query(new FindEventTypes(teamId, Callers.required()),
                ResponseTypes.multipleInstancesOf(EventTypeView.class)).join().stream().map(this::flat).toList();
    }

    private EventTypeView find(int eventTypeId) {
        return queries.query(new FindEventType(eventTypeId, Callers.required()),
                ResponseTypes.optionalInstanceOf(EventTypeView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No event type with id " + eventTypeId));
    }

    private ObjectNode flat(EventTypeView view) {
        ObjectNode node = json.createObjectNode();
        node.put("id", view.id());
        node.putPOJO("userId", view.userId());
        node.putPOJO("teamId", view.teamId());
        node.putPOJO("parentId", view.parentId());
        node.put("schedulingType", view.schedulingType() == null ? null : API_NAMES.get(view.schedulingType()));
        ObjectNode settings = json.valueToTree(view.settings());
        node.setAll(settings);
        node.put("lengthInMinutes", view.settings().length());
        node.set("hosts", json.valueToTree(view.hosts()));
        node.set("customInputs", json.valueToTree(view.customInputs()));
        node.putPOJO("createdAt", view.createdAt());
        node.putPOJO("updatedAt", view.updatedAt());
        return node;
    }
}
