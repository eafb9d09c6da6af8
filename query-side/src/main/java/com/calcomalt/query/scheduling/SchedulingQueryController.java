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
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.ResourceNotFound;
import com.calcomalt.rules.scheduling.EventTypeOutput;
import com.calcomalt.rules.scheduling.EventTypeShapes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules and event types as far as the caller may see them, in cal.com API v2's shapes
 * (schedules 2024-06-11, event types 2024-06-14). An event type's private links only to whoever
 * may change it.
 */
@RestController
@Tag(name = "Scheduling")
class SchedulingQueryController {

    private final QueryGateway queries;

    SchedulingQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/schedules")
    @CalApiVersion(CalApiVersion.SCHEDULES)
    @Operation(summary = "The caller's schedules")
    ApiResponse<List<ScheduleView>> schedules() {
        return ApiResponse.success(queries.query(new FindSchedules(Callers.required()),
                ResponseTypes.multipleInstancesOf(ScheduleView.class)).join());
    }

    @GetMapping("/v2/schedules/default")
    @CalApiVersion(CalApiVersion.SCHEDULES)
    @Operation(summary = "The caller's default schedule; null, as in cal.com, while they have none")
    ApiResponse<ScheduleView> defaultSchedule() {
        return ApiResponse.success(schedules().data().stream().filter(ScheduleView::isDefault).findFirst()
                .orElse(null));
    }

    @GetMapping("/v2/schedules/{scheduleId}")
    @CalApiVersion(CalApiVersion.SCHEDULES)
    @Operation(summary = "Get a schedule")
    ApiResponse<ScheduleView> schedule(@PathVariable @Positive int scheduleId) {
        return ApiResponse.success(queries.query(new FindSchedule(scheduleId, Callers.required()),
                ResponseTypes.optionalInstanceOf(ScheduleView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No schedule with id " + scheduleId)));
    }

    @GetMapping("/v2/event-types")
    @CalApiVersion(CalApiVersion.EVENT_TYPES)
    @Operation(summary = "The caller's event types")
    ApiResponse<List<EventTypeOutput>> eventTypes() {
        return ApiResponse.success(list(null));
    }

    @GetMapping("/v2/event-types/{eventTypeId}")
    @CalApiVersion(CalApiVersion.EVENT_TYPES)
    @Operation(summary = "Get an event type")
    ApiResponse<EventTypeOutput> eventType(@PathVariable @Positive int eventTypeId) {
        return ApiResponse.success(EventTypeShapes.output(find(eventTypeId)));
    }

    @GetMapping("/v2/teams/{teamId}/event-types")
    @CalApiVersion(CalApiVersion.EVENT_TYPES)
    @Operation(summary = "A team's event types")
    ApiResponse<List<EventTypeOutput>> teamEventTypes(@PathVariable @Positive int teamId) {
        return ApiResponse.success(list(teamId));
    }

    @GetMapping("/v2/teams/{teamId}/event-types/{eventTypeId}")
    @CalApiVersion(CalApiVersion.EVENT_TYPES)
    @Operation(summary = "Get an event type of a team")
    ApiResponse<EventTypeOutput> teamEventType(@PathVariable @Positive int teamId, @PathVariable @Positive int eventTypeId) {
        EventTypeView view = find(eventTypeId);
        if (!Objects.equals(view.teamId(), teamId)) {
            throw new ResourceNotFound("Team " + teamId + " has no event type " + eventTypeId);
        }
        return ApiResponse.success(EventTypeShapes.output(view));
    }

    @GetMapping("/v2/event-types/{eventTypeId}/private-links")
    @CalApiVersion(CalApiVersion.EVENT_TYPES)
    @Operation(summary = "An event type's private links, for whoever may make them")
    ApiResponse<List<PrivateLinkView>> privateLinks(@PathVariable @Positive int eventTypeId) {
        return ApiResponse.success(queries.query(new FindPrivateLinks(eventTypeId, Callers.required()),
                        ResponseTypes.optionalInstanceOf(PrivateLinks.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No event type with id " + eventTypeId)).links());
    }

    private List<EventTypeOutput> list(Integer teamId) {
        return queries.query(new FindEventTypes(teamId, Callers.required()),
                ResponseTypes.multipleInstancesOf(EventTypeView.class)).join().stream().map(EventTypeShapes::output).toList();
    }

    private EventTypeView find(int eventTypeId) {
        return queries.query(new FindEventType(eventTypeId, Callers.required()),
                ResponseTypes.optionalInstanceOf(EventTypeView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No event type with id " + eventTypeId));
    }
}
