package com.calcomalt.contracts.scheduling;

/** cal.com's SchedulingType enum with its database labels (the API says ROUND_ROBIN, COLLECTIVE, MANAGED). */
public enum SchedulingType { roundRobin, collective, managed }
