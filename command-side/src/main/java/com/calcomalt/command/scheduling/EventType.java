package com.calcomalt.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.calcomalt.command.identity.IdentityCommandFacts;
import com.calcomalt.command.identity.TeamAccess;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.AssignManagedEventType;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.contracts.scheduling.CreatePrivateLink;
import com.calcomalt.contracts.scheduling.CustomInput;
import com.calcomalt.contracts.scheduling.DeleteEventType;
import com.calcomalt.contracts.scheduling.DeletePrivateLink;
import com.calcomalt.contracts.scheduling.EventTypeCreated;
import com.calcomalt.contracts.scheduling.EventTypeCustomInputsSet;
import com.calcomalt.contracts.scheduling.EventTypeDeleted;
import com.calcomalt.contracts.scheduling.DropFormerMemberHost;
import com.calcomalt.contracts.scheduling.EventTypeHostsSet;
import com.calcomalt.contracts.scheduling.EventTypeIds;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.EventTypeUpdated;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.HostAssignment;
import com.calcomalt.contracts.scheduling.ManagedEventTypeAssigned;
import com.calcomalt.contracts.scheduling.PrivateLinkCreated;
import com.calcomalt.contracts.scheduling.PrivateLinkDeleted;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.contracts.scheduling.SyncManagedEventType;
import com.calcomalt.contracts.scheduling.UpdateEventType;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.AccessDenied;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.platform.domain.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What can be booked: an event type of a user or of a team. A team's ROUND_ROBIN or COLLECTIVE
 * event type has hosts from its accepted members; a MANAGED one is a template whose children, one
 * per assigned member, follow every field the parent locks. Slug uniqueness spans event types and
 * is kept by {@link SchedulingRegistry}.
 */
@Aggregate
public class EventType {

    static final String MEMBERS = "teamMembers";
    static final String SCHEDULE_OWNERS = "scheduleOwners";

    @AggregateIdentifier
    private String aggregateId;
    private int eventTypeId;
    private Integer userId;
    private Integer teamId;
    private Integer parentId;
    private SchedulingType schedulingType;
    private EventTypeSettings settings;
    private final Map<Integer, Host> hosts = new LinkedHashMap<>();
    private List<CustomInput> customInputs = List.of();
    private final Set<Integer> privateLinks = new HashSet<>();
    private final Map<Integer, Integer> childByUser = new HashMap<>();

    protected EventType() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateEventType command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(MEMBERS) TeamMembers members, @MetaDataValue(SCHEDULE_OWNERS) ScheduleOwners owners,
                Clock clock) {
        if ((command.userId() == null) == (command.teamId() == null)) {
            throw new DomainRuleViolation("An event type belongs to a user or to a team");
        }
        if (command.userId() != null) {
            if (caller == null || !caller.mayActAs(command.userId())) {
                throw new AccessDenied("Users make event types for themselves");
            }
            if (command.schedulingType() != null || command.hosts() != null && !command.hosts().isEmpty()) {
                throw new DomainRuleViolation("Only a team's event type has a scheduling type and hosts");
            }
        } else {
            requireRunBy(access != null && access.teamId() == command.teamId() ? access : null, command.teamId());
            if (command.schedulingType() == null) {
                throw new DomainRuleViolation("A team's event type is ROUND_ROBIN, COLLECTIVE or MANAGED");
            }
        }
        EventTypeSettings initial = EventTypeFields.merge(EventTypeFields.DEFAULTS, command.settings());
        EventTypeRules.require(initial);
        requireUsableSchedule(initial.scheduleId(), command.userId(), members, owners);
        requireHostsOwnSchedules(command.hosts(), owners);
        Instant now = clock.instant();
        apply(new EventTypeCreated(command.eventTypeId(), command.userId(), command.teamId(), null,
                command.schedulingType(), initial, now));
        List<Host> chosen = hostsOf(command.hosts(), initial, members, now);
        if (!chosen.isEmpty()) {
            apply(new EventTypeHostsSet(command.eventTypeId(), teamId, chosen, now));
        }
        if (command.customInputs() != null && !command.customInputs().isEmpty()) {
            apply(new EventTypeCustomInputsSet(command.eventTypeId(), requireInputs(command.customInputs()), now));
        }
    }

    /** A former member hosts no more; the others keep their places. */
    @CommandHandler
    void handle(DropFormerMemberHost command, Clock clock) {
        if (hosts.containsKey(command.userId())) {
            List<Host> remaining = hosts.values().stream().filter(h -> h.userId() != command.userId()).toList();
            apply(new EventTypeHostsSet(eventTypeId, teamId, remaining, clock.instant()));
        }
    }

    @CommandHandler
    void handle(UpdateEventType command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(MEMBERS) TeamMembers members, @MetaDataValue(SCHEDULE_OWNERS) ScheduleOwners owners,
                Clock clock) {
        requireChangeableBy(caller, access);
        EventTypeSettings changed = EventTypeFields.merge(settings, command.settings(), command.cleared());
        if (parentId != null) {
            Set<String> locked = new HashSet<>(EventTypeFields.changed(settings, changed));
            locked.removeAll(unlockedFields(settings));
            if (!locked.isEmpty()) {
                throw new DomainRuleViolation("Event type " + eventTypeId + " is managed by event type " + parentId
                        + "; it locks " + locked);
            }
        }
        Integer asked = command.settings() != null ? command.settings().scheduleId() : null;
        if (asked != null && !asked.equals(settings.scheduleId())) {
            requireUsableSchedule(asked, userId, members, owners);
        } else if (changed.scheduleId() != null && owners != null && !owners.exists(changed.scheduleId())) {
            // Its schedule was deleted since: writing the old id again would name a row that is gone.
            changed = EventTypeFields.withoutSchedule(changed);
        }
        requireHostsOwnSchedules(command.hosts(), owners);
        Instant now = clock.instant();
        boolean assigningAll = Boolean.TRUE.equals(changed.assignAllTeamMembers())
                && !Boolean.TRUE.equals(settings.assignAllTeamMembers());
        if (!changed.equals(settings)) {
            EventTypeRules.require(changed);
            apply(new EventTypeUpdated(eventTypeId, userId, teamId, parentId, changed, now));
        }
        if (command.hosts() != null || assigningAll) {
            List<HostAssignment> requested = command.hosts() != null ? command.hosts() : currentAssignments(owners);
            List<Host> chosen = hostsOf(requested, changed, members, now);
            if (!sameHosts(chosen)) {
                apply(new EventTypeHostsSet(eventTypeId, teamId, chosen, now));
            }
        }
        if (command.customInputs() != null && !command.customInputs().equals(customInputs)) {
            apply(new EventTypeCustomInputsSet(eventTypeId, requireInputs(command.customInputs()), now));
        }
    }

    @CommandHandler
    void handle(DeleteEventType command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireChangeableBy(caller, access);
        apply(new EventTypeDeleted(eventTypeId, userId, teamId, parentId, clock.instant()));
    }

    /** Members who have a child already keep it; the others get one, with the next of the given ids. */
    @CommandHandler
    void handle(AssignManagedEventType command, @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access,
                @MetaDataValue(MEMBERS) TeamMembers members, Clock clock) {
        if (schedulingType != SchedulingType.managed) {
            throw new DomainRuleViolation("Event type " + eventTypeId + " is not MANAGED");
        }
        requireRunBy(access, teamId);
        Instant now = clock.instant();
        int next = 0;
        for (int member : command.userIds()) {
            if (members == null || !members.contains(member)) {
                throw new DomainRuleViolation("User " + member + " is not an accepted member of team " + teamId);
            }
            requireSeat(members, member);
            if (childByUser.containsKey(member)) {
                continue;
            }
            if (command.childEventTypeIds() == null || next >= command.childEventTypeIds().size()) {
                throw new DomainRuleViolation("An id is needed for each new child event type");
            }
            int childId = command.childEventTypeIds().get(next++);
            apply(new ManagedEventTypeAssigned(eventTypeId, member, childId, now));
            spawnChild(childId, member, now);
        }
    }

    /** A child follows what its parent now locks; what it may change itself stays. */
    @CommandHandler
    void handle(SyncManagedEventType command, Clock clock) {
        if (parentId == null) {
            throw new DomainRuleViolation("Event type " + eventTypeId + " has no parent to follow");
        }
        EventTypeSettings followed = EventTypeFields.overlay(settings, command.locked(),
                unlockedFields(command.locked()));
        if (!followed.equals(settings)) {
            apply(new EventTypeUpdated(eventTypeId, userId, teamId, parentId, followed, command.changedAt()));
        }
    }

    @CommandHandler
    void handle(CreatePrivateLink command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireChangeableBy(caller, access);
        Instant now = clock.instant();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new DomainRuleViolation("A private link expires in the future, not at " + command.expiresAt());
        }
        if (command.maxUsageCount() != null && command.maxUsageCount() <= 0) {
            throw new DomainRuleViolation("A private link may be used at least once");
        }
        if (privateLinks.contains(command.linkId())) {
            throw new DomainConflict("Event type " + eventTypeId + " has a private link " + command.linkId() + " already");
        }
        apply(new PrivateLinkCreated(eventTypeId, command.linkId(), command.link(), command.expiresAt(),
                command.maxUsageCount() == null ? 1 : command.maxUsageCount(), now));
    }

    @CommandHandler
    void handle(DeletePrivateLink command, @MetaDataValue(CallerMetaData.CALLER) Caller caller,
                @MetaDataValue(IdentityCommandFacts.ACCESS) TeamAccess access, Clock clock) {
        requireChangeableBy(caller, access);
        if (!privateLinks.contains(command.linkId())) {
            throw new NotFound("Event type " + eventTypeId + " has no private link " + command.linkId());
        }
        apply(new PrivateLinkDeleted(eventTypeId, command.linkId(), clock.instant()));
    }

    private void spawnChild(int childId, int member, Instant at) {
        EventTypeSettings childSettings = settings;
        try {
            createNew(EventType.class, () -> {
                EventType child = new EventType();
                child.becomeChild(childId, member, eventTypeId, childSettings, at);
                return child;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The child of event type " + eventTypeId + " for user " + member
                    + " could not be created", e);
        }
    }

    private void becomeChild(int childId, int member, int parent, EventTypeSettings childSettings, Instant at) {
        apply(new EventTypeCreated(childId, member, null, parent, null, childSettings, at));
    }

    /** cal.com keeps the fields a child may change in metadata.managedEventConfig.unlockedFields. */
    @SuppressWarnings("unchecked")
    private static Set<String> unlockedFields(EventTypeSettings settings) {
        Set<String> unlocked = new HashSet<>();
        if (settings.metadata() != null && settings.metadata().get("managedEventConfig") instanceof Map<?, ?> config
                && config.get("unlockedFields") instanceof Map<?, ?> fields) {
            ((Map<String, Object>) fields).forEach((name, value) -> {
                if (Boolean.TRUE.equals(value)) {
                    unlocked.add(name);
                }
            });
        }
        return unlocked;
    }

    /** In a seat-billed organization only members holding a seat host its teams' event types. */
    private void requireSeat(TeamMembers members, int userId) {
        if (!members.seated(userId)) {
            throw new DomainRuleViolation("User " + userId + " holds no seat of the organization billing team " + teamId
                    + " and cannot host its event types");
        }
    }

    private List<Host> hostsOf(List<HostAssignment> requested, EventTypeSettings with, TeamMembers members,
                               Instant now) {
        if (teamId == null || schedulingType == SchedulingType.managed) {
            if (requested != null && !requested.isEmpty()) {
                throw new DomainRuleViolation(schedulingType == SchedulingType.managed
                        ? "A MANAGED event type has no hosts; assign it to members instead"
                        : "Only a team's event type has hosts");
            }
            return List.of();
        }
        List<HostAssignment> assignments = new ArrayList<>(requested == null ? List.of() : requested);
        if (Boolean.TRUE.equals(with.assignAllTeamMembers()) && members != null) {
            members.membershipByUser().keySet().stream().sorted()
                    .filter(user -> members.seated(user) && assignments.stream().noneMatch(a -> a.userId() == user))
                    .forEach(user -> assignments.add(new HostAssignment(user, false, null, null, null)));
        }
        List<Host> result = new ArrayList<>();
        for (HostAssignment a : assignments) {
            if (members == null || !members.contains(a.userId())) {
                throw new DomainRuleViolation("User " + a.userId() + " is not an accepted member of team " + teamId
                        + " and cannot host");
            }
            requireSeat(members, a.userId());
            if (a.priority() != null && (a.priority() < 0 || a.priority() > 4)) {
                throw new DomainRuleViolation("A host's priority is 0 (lowest) to 4 (highest)");
            }
            if (a.weight() != null && a.weight() < 0) {
                throw new DomainRuleViolation("A host's weight is not negative");
            }
            Host existing = hosts.get(a.userId());
            boolean fixed = schedulingType == SchedulingType.collective || a.isFixed();
            result.add(new Host(a.userId(), members.membershipByUser().get(a.userId()), fixed, a.priority(),
                    a.weight(), a.scheduleId(), existing != null ? existing.createdAt() : now));
        }
        return result;
    }

    /** The hosts as they are, for keeping their settings when every member is added; less a deleted schedule. */
    private List<HostAssignment> currentAssignments(ScheduleOwners owners) {
        return hosts.values().stream().sorted(java.util.Comparator.comparingInt(Host::userId))
                .map(h -> new HostAssignment(h.userId(), h.isFixed(), h.priority(), h.weight(),
                        h.scheduleId() != null && owners != null && !owners.exists(h.scheduleId())
                                ? null : h.scheduleId()))
                .toList();
    }

    /**
     * An event type works by a schedule of its owner, or of one of its team's members, as cal.com's
     * API checks: another user's schedule, or one that does not exist, would leave it without hours.
     * A command the system sends, which comes without the owners, was checked when it was asked for.
     */
    private static void requireUsableSchedule(Integer scheduleId, Integer owner, TeamMembers members,
                                              ScheduleOwners owners) {
        if (scheduleId == null || owners == null) {
            return;
        }
        boolean usable = owner != null ? owners.ownedBy(scheduleId, owner)
                : owners.exists(scheduleId) && members != null
                        && members.contains(owners.ownerBySchedule().get(scheduleId));
        if (!usable) {
            throw new DomainRuleViolation("Schedule " + scheduleId + " is not one of "
                    + (owner != null ? "user " + owner + "'s schedules" : "the team's members' schedules"));
        }
    }

    /** A host works by their own schedule. */
    private static void requireHostsOwnSchedules(List<HostAssignment> requested, ScheduleOwners owners) {
        if (requested == null || owners == null) {
            return;
        }
        for (HostAssignment host : requested) {
            if (host.scheduleId() != null && !owners.ownedBy(host.scheduleId(), host.userId())) {
                throw new DomainRuleViolation("Schedule " + host.scheduleId() + " is not one of host "
                        + host.userId() + "'s schedules");
            }
        }
    }

    /** Hosts are a set: the order they are named in changes nothing. */
    private boolean sameHosts(List<Host> chosen) {
        Map<Integer, Host> byUser = new HashMap<>();
        chosen.forEach(h -> byUser.put(h.userId(), h));
        return byUser.equals(hosts);
    }

    private static List<CustomInput> requireInputs(List<CustomInput> inputs) {
        for (CustomInput input : inputs) {
            if (input.label() == null || input.label().isBlank() || input.type() == null) {
                throw new DomainRuleViolation("A custom input has a label and a type");
            }
        }
        return inputs;
    }

    private void requireChangeableBy(Caller caller, TeamAccess access) {
        if (teamId != null) {
            requireRunBy(access, teamId);
        } else if (caller == null || !caller.mayActAs(userId)) {
            throw new AccessDenied("Only user " + userId + " changes event type " + eventTypeId);
        }
    }

    private static void requireRunBy(TeamAccess access, Integer teamId) {
        if (access == null) {
            throw new NotFound("No team " + teamId);
        }
        if (!access.runsTeam()) {
            throw new AccessDenied("Only an admin or owner of team " + teamId + " changes its event types");
        }
    }

    @EventSourcingHandler
    void on(EventTypeCreated event) {
        aggregateId = EventTypeIds.aggregateId(event.eventTypeId());
        eventTypeId = event.eventTypeId();
        userId = event.userId();
        teamId = event.teamId();
        parentId = event.parentId();
        schedulingType = event.schedulingType();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(EventTypeUpdated event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(EventTypeHostsSet event) {
        hosts.clear();
        event.hosts().forEach(host -> hosts.put(host.userId(), host));
    }

    @EventSourcingHandler
    void on(EventTypeCustomInputsSet event) {
        customInputs = event.customInputs();
    }

    @EventSourcingHandler
    void on(PrivateLinkCreated event) {
        privateLinks.add(event.linkId());
    }

    @EventSourcingHandler
    void on(PrivateLinkDeleted event) {
        privateLinks.remove(event.linkId());
    }

    @EventSourcingHandler
    void on(ManagedEventTypeAssigned event) {
        childByUser.put(event.userId(), event.childEventTypeId());
    }

    @EventSourcingHandler
    void on(EventTypeDeleted event) {
        markDeleted();
    }
}
