/**
 * FeatureFlags: the {@code Feature} aggregate (system admins manage flags), the grants of a flag to a
 * team or organization ({@code TeamFeature}, by its admins) and to a user ({@code UserFeature}, by
 * system admins), and {@link com.calcomalt.command.features.FeatureFlags}, the in-memory answer to
 * "does this team, organization or user have flag X" that Scheduling and Billing consult.
 */
package com.calcomalt.command.features;
