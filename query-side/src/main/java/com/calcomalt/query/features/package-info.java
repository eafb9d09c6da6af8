/**
 * FeatureFlags on the query side: cal.com's {@code Feature}, {@code UserFeatures} and
 * {@code TeamFeatures} tables, and the reads of flags, a team's grants and the caller's own flags.
 */
package com.calcomalt.query.features;
