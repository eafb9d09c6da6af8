package com.calcomalt.contracts.features;

/** cal.com's {@code FeatureType}: what a flag is for, which says who may grant it and how it is read. */
public enum FeatureType {
    RELEASE, EXPERIMENT, OPERATIONAL, KILL_SWITCH, PERMISSION
}
