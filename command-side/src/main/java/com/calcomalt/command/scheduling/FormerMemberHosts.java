package com.calcomalt.command.scheduling;

import com.calcomalt.contracts.identity.MemberLeft;
import com.calcomalt.contracts.identity.MemberRemoved;
import com.calcomalt.contracts.scheduling.DropFormerMemberHost;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Scheduling reacting to Identity, in the membership's own transaction: someone who leaves a team or
 * is removed from it hosts none of its event types any more, as cal.com's Host rows go with the
 * membership. Otherwise round robin could still hand them bookings the slots no longer show.
 */
@Component
@ProcessingGroup("identity-registry")
class FormerMemberHosts {

    private final SchedulingLookups lookups;
    private final CommandGateway commands;

    FormerMemberHosts(SchedulingLookups lookups, CommandGateway commands) {
        this.lookups = lookups;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberRemoved event) {
        dropHost(event.teamId(), event.userId());
    }

    @EventHandler
    void on(MemberLeft event) {
        dropHost(event.teamId(), event.userId());
    }

    private void dropHost(int teamId, int userId) {
        lookups.eventTypesHostedBy(teamId, userId)
                .forEach(eventTypeId -> commands.sendAndWait(new DropFormerMemberHost(eventTypeId, userId)));
    }
}
