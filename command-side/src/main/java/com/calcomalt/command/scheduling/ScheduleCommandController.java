package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DeleteSchedule;
import com.calcomalt.contracts.scheduling.ScheduleView;
import com.calcomalt.contracts.scheduling.UpdateSchedule;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ApiStatus;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
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

/**
 * The caller's schedules in cal.com API v2's shapes (version 2024-06-11): days by English name,
 * times as "09:00", and every command answers with the schedule as it now is.
 */
@RestController
@Tag(name = "Schedules")
@CalApiVersion(CalApiVersion.SCHEDULES)
class ScheduleCommandController {

    /** cal.com's WEEK_DAYS, spelled as cal.com spells them. */
    enum WeekDay {
        @JsonProperty("Monday") MONDAY, @JsonProperty("Tuesday") TUESDAY, @JsonProperty("Wednesday") WEDNESDAY,
        @JsonProperty("Thursday") THURSDAY, @JsonProperty("Friday") FRIDAY, @JsonProperty("Saturday") SATURDAY,
        @JsonProperty("Sunday") SUNDAY;

        /** cal.com's Availability.days counts from Sunday = 0. */
        int number() {
            return (ordinal() + 1) % 7;
        }
    }

    /** cal.com's TIME_FORMAT_HH_MM. */
    private static final String HH_MM = "^([01]\\d|2[0-3]):([0-5]\\d)$";

    /** When a new schedule does not say its hours, cal.com gives it Monday to Friday, 09:00 to 17:00. */
    private static final List<RangeInput> DEFAULT_AVAILABILITY = List.of(new RangeInput(List.of(WeekDay.MONDAY,
            WeekDay.TUESDAY, WeekDay.WEDNESDAY, WeekDay.THURSDAY, WeekDay.FRIDAY), "09:00", "17:00"));

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final DecidedSchedules decided;

    ScheduleCommandController(CommandGateway commands, IdAllocator ids, DecidedSchedules decided) {
        this.commands = commands;
        this.ids = ids;
        this.decided = decided;
    }

    record RangeInput(@NotEmpty List<@NotNull WeekDay> days,
                      @NotNull @Pattern(regexp = HH_MM, message = "is a time such as 08:00") String startTime,
                      @NotNull @Pattern(regexp = HH_MM, message = "is a time such as 15:00") String endTime) {
    }

    /** 00:00 to 00:00 marks the date unavailable, as cal.com stores it. */
    record OverrideInput(@NotNull LocalDate date,
                         @NotNull @Pattern(regexp = HH_MM, message = "is a time such as 12:00") String startTime,
                         @NotNull @Pattern(regexp = HH_MM, message = "is a time such as 13:00") String endTime) {
    }

    /** cal.com's CreateScheduleInput_2024_06_11; a missing isDefault means false. */
    record CreateInput(@NotBlank @Size(max = 255) String name, @NotNull @IanaTimeZone String timeZone,
                       List<@Valid RangeInput> availability, Boolean isDefault, List<@Valid OverrideInput> overrides) {
    }

    /** cal.com's UpdateScheduleInput_2024_06_11: what is left out stays as it is. */
    record UpdateInput(@Size(min = 1, max = 255) String name, @IanaTimeZone String timeZone,
                       List<@Valid RangeInput> availability, Boolean isDefault, List<@Valid OverrideInput> overrides) {
    }

    @PostMapping("/v2/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a schedule; a user's first schedule is their default",
            description = "Without availability, Monday to Friday from 09:00 to 17:00, as cal.com.")
    ResponseEntity<ApiResponse<ScheduleView>> create(@Valid @RequestBody CreateInput input) {
        int scheduleId = ids.next("Schedule");
        commands.sendAndWait(new CreateSchedule(scheduleId, Callers.required().userId(), input.name(), input.timeZone(),
                weekly(input.availability() == null ? DEFAULT_AVAILABILITY : input.availability()),
                overrides(input.overrides()), Boolean.TRUE.equals(input.isDefault())));
        return ResponseEntity.created(URI.create("/v2/schedules/" + scheduleId))
                .body(ApiResponse.success(decided.of(scheduleId)));
    }

    @PatchMapping("/v2/schedules/{scheduleId}")
    @Operation(summary = "Rename a schedule, change its time zone, its weekly hours or date overrides, or make it the default")
    ApiResponse<ScheduleView> update(@PathVariable @Positive int scheduleId, @Valid @RequestBody UpdateInput input) {
        commands.sendAndWait(new UpdateSchedule(scheduleId, input.name(), input.timeZone(),
                input.availability() == null ? null : weekly(input.availability()),
                input.overrides() == null ? null : overrides(input.overrides()), input.isDefault()));
        return ApiResponse.success(decided.of(scheduleId));
    }

    @DeleteMapping("/v2/schedules/{scheduleId}")
    @Operation(summary = "Delete a schedule; the only one cannot go")
    ApiStatus delete(@PathVariable @Positive int scheduleId) {
        commands.sendAndWait(new DeleteSchedule(scheduleId));
        return ApiStatus.success();
    }

    private List<WeeklyRange> weekly(List<RangeInput> ranges) {
        return ranges.stream()
                .map(r -> new WeeklyRange(ids.next("Availability"),
                        r.days().stream().map(WeekDay::number).distinct().sorted().toList(),
                        LocalTime.parse(r.startTime()), LocalTime.parse(r.endTime())))
                .toList();
    }

    private List<DateOverride> overrides(List<OverrideInput> overrides) {
        return overrides == null ? List.of() : overrides.stream()
                .map(o -> new DateOverride(ids.next("Availability"), o.date(), LocalTime.parse(o.startTime()),
                        LocalTime.parse(o.endTime())))
                .toList();
    }
}
