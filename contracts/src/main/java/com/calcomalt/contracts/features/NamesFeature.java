package com.calcomalt.contracts.features;

/** A command about a grant of a flag: the flag decides whether and by whom it may be granted. */
public interface NamesFeature {
    String slug();
}
