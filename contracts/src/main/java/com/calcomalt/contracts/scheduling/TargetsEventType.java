package com.calcomalt.contracts.scheduling;

/** A command on an existing event type: who may send it follows from the team that owns the event type. */
public interface TargetsEventType {

    int eventTypeId();
}
