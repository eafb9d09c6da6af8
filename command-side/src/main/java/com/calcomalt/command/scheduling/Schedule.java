package com.calcomalt.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateSchedule;
import com.calcomalt.contracts.scheduling.DateOverride;
import com.calcomalt.contracts.scheduling.DateOverridesSet;
import com.calcomalt.contracts.scheduling.DeleteSchedule;
import com.calcomalt.contracts.scheduling.ScheduleCreated;
import com.calcomalt.contracts.scheduling.ScheduleDeleted;
import com.calcomalt.contracts.scheduling.ScheduleIds;
import com.calcomalt.contracts.scheduling.ScheduleMadeDefault;
import com.calcomalt.contracts.scheduling.ScheduleRenamed;
import com.calcomalt.contracts.scheduling.ScheduleTimeZoneChanged;
import com.calcomalt.contracts.scheduling.UpdateSchedule;
import com.calcomalt.contracts.scheduling.WeeklyAvailabilitySet;
import com.calcomalt.contracts.scheduling.WeeklyRange;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's availability: weekly hours and date overrides in one time zone. Which of a user's
 * schedules is the default spans schedules; the facts about the others come with each command.
 */
@Aggregate
public class Schedule {

    static final String FACTS = "scheduleFacts";

    @AggregateIdentifier
    private String aggregateId;
    private int scheduleId;
    private int userId;
    private String name;
    private String timeZone;
    private List<WeeklyRange> availability;
    private List<DateOverride> overrides;

    protected Schedule() {
        // for Axon
    }

    @CommandHandler
    Schedule(CreateSchedule command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
             @MetaDataValue(FACTS) ScheduleFacts facts, Clock clock) {
        requireOwner(caller, command.userId());
        ScheduleRules.requireName(command.name());
        ScheduleRules.requireTimeZone(command.timeZone());
        List<WeeklyRange> weekly = command.availability() == null ? List.of() : command.availability();
        List<DateOverride> dated = command.overrides() == null ? List.of() : command.overrides();
        ScheduleRules.requireWeekly(weekly);
        ScheduleRules.requireOverrides(dated);
        Instant now = clock.instant();
        apply(new ScheduleCreated(command.scheduleId(), command.userId(), command.name(), command.timeZone(), weekly,
                dated, now));
        if (command.makeDefault() || facts == null || facts.defaultScheduleId() == null) {
            apply(new ScheduleMadeDefault(command.scheduleId(), command.userId(), now));
        }
    }

    @CommandHandler
    void handle(UpdateSchedule command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(FACTS) ScheduleFacts facts, Clock clock) {
        requireOwner(caller, userId);
        Instant now = clock.instant();
        if (command.name() != null && !command.name().equals(name)) {
            ScheduleRules.requireName(command.name());
            apply(new ScheduleRenamed(scheduleId, userId, command.name(), now));
        }
        if (command.timeZone() != null && !command.timeZone().equals(timeZone)) {
            ScheduleRules.requireTimeZone(command.timeZone());
            apply(new ScheduleTimeZoneChanged(scheduleId, userId, command.timeZone(), now));
        }
        if (command.availability() != null) {
            ScheduleRules.requireWeekly(command.availability());
        }
        if (command.overrides() != null) {
            ScheduleRules.requireOverrides(command.overrides());
        }
        if (command.availability() != null && !sameRanges(command.availability(), availability)) {
            apply(new WeeklyAvailabilitySet(scheduleId, userId, command.availability(), now));
        }
        if (command.overrides() != null && !sameOverrides(command.overrides(), overrides)) {
            apply(new DateOverridesSet(scheduleId, userId, command.overrides(), now));
        }
        if (Boolean.TRUE.equals(command.makeDefault()) && (facts == null
                || facts.defaultScheduleId() == null || facts.defaultScheduleId() != scheduleId)) {
            apply(new ScheduleMadeDefault(scheduleId, userId, now));
        }
    }

    /** The default schedule goes only if another can take its place, which it then does. */
    @CommandHandler
    void handle(DeleteSchedule command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(FACTS) ScheduleFacts facts, Clock clock) {
        requireOwner(caller, userId);
        List<Integer> others = facts == null ? List.of() : facts.otherScheduleIds();
        boolean isDefault = facts != null && facts.defaultScheduleId() != null
                && facts.defaultScheduleId() == scheduleId;
        if (isDefault && others.isEmpty()) {
            throw new DomainRuleViolation("Schedule " + scheduleId + " is the user's only schedule and their"
                    + " default; it stays");
        }
        Integer newDefault = isDefault ? others.stream().min(Integer::compare).orElseThrow() : null;
        apply(new ScheduleDeleted(scheduleId, userId, newDefault, clock.instant()));
    }

    private static void requireOwner(Caller caller, int userId) {
        if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Only user " + userId + " changes their schedules");
        }
    }

    /** Ids are new in every command; what counts is whether the hours differ. */
    private static boolean sameRanges(List<WeeklyRange> a, List<WeeklyRange> b) {
        return a.stream().map(r -> List.of(r.days(), r.startTime(), r.endTime())).toList()
                .equals(b.stream().map(r -> List.of(r.days(), r.startTime(), r.endTime())).toList());
    }

    private static boolean sameOverrides(List<DateOverride> a, List<DateOverride> b) {
        return a.stream().map(r -> List.of(r.date(), r.startTime(), r.endTime())).toList()
                .equals(b.stream().map(r -> List.of(r.date(), r.startTime(), r.endTime())).toList());
    }

    @EventSourcingHandler
    void on(ScheduleCreated event) {
        aggregateId = ScheduleIds.aggregateId(event.scheduleId());
        scheduleId = event.scheduleId();
        userId = event.userId();
        name = event.name();
        timeZone = event.timeZone();
        availability = event.availability();
        overrides = event.overrides();
    }

    @EventSourcingHandler
    void on(ScheduleRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ScheduleTimeZoneChanged event) {
        timeZone = event.timeZone();
    }

    @EventSourcingHandler
    void on(WeeklyAvailabilitySet event) {
        availability = event.availability();
    }

    @EventSourcingHandler
    void on(DateOverridesSet event) {
        overrides = event.overrides();
    }

    @EventSourcingHandler
    void on(ScheduleDeleted event) {
        markDeleted();
    }
}
