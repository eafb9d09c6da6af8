package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DeleteSchedule;
import com.calcomalt.contracts.scheduling.UpdateSchedule;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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

/** The caller's schedules, with cal.com API v2's shapes: days by name, times as "09:00". */
@RestController
@Tag(name = "Schedules")
class ScheduleCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;

    ScheduleCommandController(CommandGateway commands, IdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record RangeInput(@NotEmpty List<@NotNull DayOfWeek> days, @NotNull LocalTime startTime,
                      @NotNull LocalTime endTime) {
    }

    /** 00:00 to 00:00 marks the date unavailable, as cal.com stores it. */
    record OverrideInput(@NotNull LocalDate date, @NotNull LocalTime startTime, @NotNull LocalTime endTime) {
    }

    record CreateInput(@NotBlank @Size(max = 255) String name, @NotNull @IanaTimeZone String timeZone,
                       List<@Valid RangeInput> availability, List<@Valid OverrideInput> overrides, Boolean isDefault) {
    }

    record UpdateInput(@Size(min = 1, max = 255) String name, @IanaTimeZone String timeZone,
                       List<@Valid RangeInput> availability, List<@Valid OverrideInput> overrides, Boolean isDefault) {
    }

    record Created(int id) {
    }

    @PostMapping("/v2/schedules")
    @Operation(summary = "Create a schedule; a user's first schedule is their default")
    ResponseEntity<ApiResponse<Created>> create(@Valid @RequestBody CreateInput input) {
        int scheduleId = ids.next("Schedule");
        commands.sendAndWait(new CreateSchedule(scheduleId, Callers.required().userId(), input.name(), input.timeZone(),
                weekly(input.availability()), overrides(input.overrides()), Boolean.TRUE.equals(input.isDefault())));
        return ResponseEntity.created(URI.create("/v2/schedules/" + scheduleId))
                .body(ApiResponse.success(new Created(scheduleId)));
    }

    @PatchMapping("/v2/schedules/{scheduleId}")
    @Operation(summary = "Rename a schedule, change its time zone, its weekly hours or date overrides, or make it the default")
    ApiResponse<Created> update(@PathVariable @Positive int scheduleId, @Valid @RequestBody UpdateInput input) {
        commands.sendAndWait(new UpdateSchedule(scheduleId, input.name(), input.timeZone(),
                input.availability() == null ? null : weekly(input.availability()),
                input.overrides() == null ? null : overrides(input.overrides()), input.isDefault()));
        return ApiResponse.success(new Created(scheduleId));
    }

    @DeleteMapping("/v2/schedules/{scheduleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a schedule; the only one cannot go")
    void delete(@PathVariable @Positive int scheduleId) {
        commands.sendAndWait(new DeleteSchedule(scheduleId));
    }

    private List<WeeklyRange> weekly(List<RangeInput> ranges) {
        return ranges == null ? List.of() : ranges.stream()
                .map(r -> new WeeklyRange(ids.next("Availability"),
                        r.days().stream().map(d -> d.getValue() % 7).distinct().sorted().toList(),
                        r.startTime(), r.endTime()))
                .toList();
    }

    private List<DateOverride> overrides(List<OverrideInput> overrides) {
        return overrides == null ? List.of() : overrides.stream()
                .map(o -> new DateOverride(ids.next("Availability"), o.date(), o.startTime(), o.endTime()))
                .toList();
    }
}
