package com.calcomalt.contracts.calendar;

import java.util.Arrays;
import java.util.Optional;

/**
 * The workspace platforms a delegation credential can be for. cal.com keeps them in a
 * WorkspacePlatform table that its system admins fill; our schema has no such table, so the two
 * platforms cal.com's code knows (its slugs "google" and "office365") are fixed here, and
 * {@code workspacePlatformId} in the DelegationCredential row is the id given to each.
 */
public enum DelegationWorkspacePlatform {

    GOOGLE(1, "google", "Google"),
    OFFICE365(2, "office365", "Microsoft 365");

    private final int id;
    private final String slug;
    private final String displayName;

    DelegationWorkspacePlatform(int id, String slug, String displayName) {
        this.id = id;
        this.slug = slug;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<DelegationWorkspacePlatform> byId(int id) {
        return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
    }

    public static Optional<DelegationWorkspacePlatform> bySlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
