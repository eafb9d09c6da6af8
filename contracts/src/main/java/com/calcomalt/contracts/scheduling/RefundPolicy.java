package com.calcomalt.contracts.scheduling;

/** cal.com's RefundPolicy of a paid event type, with its labels in metadata.apps.stripe.refundPolicy. */
public enum RefundPolicy {
    NEVER("never"), ALWAYS("always"), DAYS("days");

    private final String label;

    RefundPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RefundPolicy ofLabel(String label) {
        for (RefundPolicy policy : values()) {
            if (policy.label.equals(label)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("A refund policy is never, always or days, not '" + label + "'");
    }
}
