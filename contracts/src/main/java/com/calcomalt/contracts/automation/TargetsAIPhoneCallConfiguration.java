package com.calcomalt.contracts.automation;

/** A command on the AI phone calls of an event type: who owns the event type decides who may send it. */
public interface TargetsAIPhoneCallConfiguration {

    int eventTypeId();
}
