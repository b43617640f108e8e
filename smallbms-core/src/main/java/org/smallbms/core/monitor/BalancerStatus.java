package org.smallbms.core.monitor;

/**
 * The balancer status of the battery page (BAL-01), with the manual's reason for each kind of "Unknown" and what to
 * do about it.
 */
public enum BalancerStatus {
    UNKNOWN_SOC("Unknown", "State of charge is unknown. Start a new charging cycle."),
    UNKNOWN_NEVER_FULLY_CHARGED("Unknown",
            "The battery has not been fully charged since installation. Start a new charging cycle."),
    UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS("Unknown",
            "The battery has not been fully charged for more than 30 days. Start a new charging cycle."),
    UNKNOWN_BATTERY_ADDED("Unknown",
            "The battery has just been added to the system. Start a new charging cycle."),
    BALANCED("Balanced", "All battery cells are well balanced."),
    IMBALANCED("Imbalanced",
            "An imbalance has been detected between one or more battery cells. Start a full charge cycle to balance "
                    + "the battery."),
    BALANCING("Balancing", "The battery is currently charging and the cells are being balanced.");

    private final String label;
    private final String reason;

    BalancerStatus(String label, String reason) {
        this.label = label;
        this.reason = reason;
    }

    /** What the battery page shows: "Unknown", "Balanced", "Imbalanced" or "Balancing". */
    public String label() {
        return label;
    }

    /** The manual's explanation, with the reason for "Unknown". */
    public String reason() {
        return reason;
    }
}
