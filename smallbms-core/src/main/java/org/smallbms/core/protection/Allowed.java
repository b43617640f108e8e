package org.smallbms.core.protection;

/** What the status page shows for "Allowed to charge" and "Allowed to discharge" (UI-01, PROT-08). */
public enum Allowed {
    YES("Yes"),
    NO("No"),
    /** Allowed to discharge only: still yes, but a pre-alarm is active. */
    PRE_ALARM("Pre-Alarm");

    private final String label;

    Allowed(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
