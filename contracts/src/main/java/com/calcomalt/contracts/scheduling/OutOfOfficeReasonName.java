package com.calcomalt.contracts.scheduling;

/**
 * cal.com API v2's names of the common out-of-office reasons (its OutOfOfficeReason enum), each with
 * the translation key the OutOfOfficeReason row keeps as its reason.
 */
public enum OutOfOfficeReasonName {
    unspecified("ooo_reasons_unspecified"),
    vacation("ooo_reasons_vacation"),
    travel("ooo_reasons_travel"),
    sick("ooo_reasons_sick_leave"),
    public_holiday("ooo_reasons_public_holiday");

    private final String key;

    OutOfOfficeReasonName(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Null for a reason of a user's own, which cal.com's API has no name for. */
    public static OutOfOfficeReasonName fromKey(String key) {
        for (OutOfOfficeReasonName name : values()) {
            if (name.key.equals(key)) {
                return name;
            }
        }
        return null;
    }
}
