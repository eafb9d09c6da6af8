package com.calcomalt.contracts.features;

/**
 * In the event store a feature's stream is "feature:{slug}", a team's grant of it
 * "team-feature:{teamId}:{slug}" and a user's "user-feature:{userId}:{slug}": one stream per row of
 * cal.com's tables, so two concurrent creations of one of them cannot both be stored.
 */
public final class FeatureIds {

    private FeatureIds() {
    }

    public static String feature(String slug) {
        return "feature:" + slug;
    }

    public static String teamFeature(int teamId, String slug) {
        return "team-feature:" + teamId + ":" + slug;
    }

    public static String userFeature(int userId, String slug) {
        return "user-feature:" + userId + ":" + slug;
    }

    /** cal.com's {@code assignedBy} for a grant a user made. */
    public static String assignedBy(int userId) {
        return "user:" + userId;
    }
}
