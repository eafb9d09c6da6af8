package com.calcomalt.contracts.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteTeam(int teamId) implements TargetsTeam {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TeamIds.aggregateId(teamId);
    }
}
