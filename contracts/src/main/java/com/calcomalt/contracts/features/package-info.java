/**
 * FeatureFlags: features (cal.com's {@code Feature}) and their grants to users and teams
 * ({@code UserFeatures}, {@code TeamFeatures}), and the one rule that says who has a flag.
 */
package com.calcomalt.contracts.features;
