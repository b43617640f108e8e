package org.smallbms.core.codes;

import java.util.Optional;

/**
 * Every condition that can hold an output, declared once: code, severity, message, instruction, effect, and the words
 * the status page shows as the reason for "Allowed to charge = No" or "Allowed to discharge = No".
 *
 * <p>The order is the order reasons and codes are listed in: the system's own state first, then charge reasons in
 * the manual's order, then the code table of manual §5.2.
 */
public enum Condition {
    UNPOWERED(null, Severity.STATE, "No power",
            "Supply voltage at Bat+ below 8 V: the BMS is off",
            "Connect Bat+ and Bat- to the battery.", Effect.ALL_OFF),
    REMOTE_OFF(null, Severity.STATE, "Remote off",
            "Remote on/off is off",
            "Put the wire loop back between Remote L and Remote H, or close the remote switch.", Effect.ALL_OFF),
    MODE_OFF(null, Severity.STATE, "Mode off",
            "Mode is set to Off",
            "Switch Mode on in the app.", Effect.ALL_OFF),
    NO_BANK(null, Severity.STATE, "Waiting for battery data",
            "No battery data received yet",
            "Connect the battery BMS cables to both BMS ports.", Effect.CHARGE_AND_DISCHARGE),
    CHARGE_LOW_TEMPERATURE(null, Severity.STATE, "Battery temperature below 5 °C",
            "Battery temperature below 5 °C",
            "Charging resumes when the battery has warmed to 7 °C.", Effect.CHARGE),
    CELL_HIGH_VOLTAGE(null, Severity.STATE, "High cell voltage",
            "One or more battery cell voltages have reached the high cell voltage threshold",
            "Charging resumes when all cells have settled below 3.60 V.", Effect.CHARGE),
    FIRMWARE_UPDATING(null, Severity.STATE, "Firmware update",
            "Firmware update in progress",
            "Wait for the update to finish; charging resumes after it.", Effect.CHARGE),
    FIRMWARE_FAILED(null, Severity.STATE, "Firmware update failed",
            "Firmware update failed more than 120 s ago",
            "Retry the firmware update.", Effect.DISCHARGE),
    W_B01("W-B01", Severity.WARNING, "Low cell voltage",
            "Low cell voltage",
            "Charge the battery or reduce the load to prevent an imminent system shutdown.", Effect.PRE_ALARM),
    W_B05("W-B05", Severity.WARNING, "Communication with battery lost",
            "Communication with battery lost",
            "Check the cables between BMS and Battery.", Effect.NONE),
    W_B07("W-B07", Severity.WARNING, "Low SoC",
            "Low SoC",
            "Charge battery or reduce load to prevent imminent system shutdown.", Effect.PRE_ALARM),
    A_B01("A-B01", Severity.ALARM, "Low cell voltage",
            "One or more cells reached the hard-coded low cell voltage threshold",
            "Charge battery. The system will turn the loads back on when the battery is sufficiently charged.",
            Effect.SHUTDOWN),
    A_B05("A-B05", Severity.ALARM, "Communication with battery lost",
            "Communication with battery lost",
            "Check the cables between BMS and Battery.", Effect.CHARGE_AND_DISCHARGE),
    A_B07("A-B07", Severity.ALARM, "Low SoC",
            "The configured Discharge floor has been reached",
            "Charge battery. The system will turn the loads back on when the battery is sufficiently charged.",
            Effect.SHUTDOWN),
    A_B08("A-B08", Severity.ALARM, "Low bank voltage",
            "Low bank voltage",
            "Charge battery. The system will turn the loads back on when the battery is sufficiently charged.",
            Effect.SHUTDOWN),
    A_B09("A-B09", Severity.ALARM, "High battery temperature",
            "Battery temperature too high",
            "The battery temperature is too high for charging. Try to reduce the ambient temperature.",
            Effect.CHARGE),
    E_B01("E-B01", Severity.ERROR, "Battery configuration invalid",
            "Battery configuration invalid",
            "Check VictronConnect 'Battery' tab for more details. Check if batteries BMS cables are all connected",
            Effect.CHARGE_AND_DISCHARGE),
    E_B05("E-B05", Severity.ERROR, "Battery configuration invalid",
            "Battery configuration invalid",
            "Check VictronConnect 'Battery' tab for more details. Check if batteries BMS cables are all connected.",
            Effect.CHARGE_AND_DISCHARGE),
    E_B09("E-B09", Severity.ERROR, "Battery voltage not allowed",
            "Battery voltage not allowed",
            "The battery voltage is too high or too low. Check the battery voltage and check the battery settings in "
                    + "the VictronConnect app. This error occurs when the battery voltage is outside all system "
                    + "voltage ranges (9V > Vbat > 60V)",
            Effect.CHARGE_AND_DISCHARGE),
    E_B11("E-B11", Severity.ERROR, "Hardware error",
            "Hardware error",
            "Contact your Victron dealer.", Effect.CHARGE_AND_DISCHARGE),
    // The classic smallBMS's states. It shows no codes (CLS-04): the batteries decide and signal over the daisy
    // chain (CLS-02), and the BMS switches its outputs on those signals.
    SIGNAL_LOST(null, Severity.STATE, "No battery signal",
            "The BMS cable loop through the batteries is open, or a battery does not signal",
            "Daisy chain the two BMS cables of every battery and connect the two remaining ones to the BMS.",
            Effect.CHARGE_AND_DISCHARGE),
    CHARGE_HIGH_TEMPERATURE(null, Severity.STATE, "Battery temperature above 50 °C",
            "Battery temperature above 50 °C",
            "Charging resumes when the battery has cooled to 45 °C.", Effect.CHARGE),
    CELL_PRE_ALARM(null, Severity.STATE, "Cell undervoltage imminent",
            "A battery signals a cell below the pre-alarm level set in the battery",
            "Charge the battery or reduce the load: the loads are disconnected at the battery's load disconnect "
                    + "level.", Effect.PRE_ALARM),
    CELL_UNDERVOLTAGE(null, Severity.STATE, "Low cell voltage",
            "A battery signals a cell at the load disconnect level set in the battery",
            "Charge the battery. The loads are switched back on when the battery stops signalling low cell "
                    + "voltage.", Effect.SHUTDOWN);

    private static final Condition[] VALUES = values();

    private final String code;
    private final Severity severity;
    private final String message;
    private final String reason;
    private final String instruction;
    private final Effect effect;
    private final long bit;

    Condition(String code, Severity severity, String message, String reason, String instruction, Effect effect) {
        this.code = code;
        this.severity = severity;
        this.message = message;
        this.reason = reason;
        this.instruction = instruction;
        this.effect = effect;
        this.bit = 1L << ordinal();
    }

    /** The code the app shows, such as {@code "A-B01"}; empty for a state that is not a code. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public boolean isCode() {
        return code != null;
    }

    public Severity severity() {
        return severity;
    }

    /** The manual's message for a code, or a short name for a state. */
    public String message() {
        return message;
    }

    /** The words of the status page when this condition holds charge or discharge. */
    public String reason() {
        return reason;
    }

    /** The manual's instruction: what the user should do. */
    public String instruction() {
        return instruction;
    }

    public Effect effect() {
        return effect;
    }

    /** This condition's bit in a {@link Conditions} set. */
    long bit() {
        return bit;
    }

    /** The code, or the name of a state: how events and logs name it. */
    public String label() {
        return code != null ? code : name();
    }

    static Condition[] all() {
        return VALUES;
    }

    /** Looks a condition up by its code ("A-B01") or its name ("REMOTE_OFF"). */
    public static Optional<Condition> byLabel(String label) {
        for (Condition condition : VALUES) {
            if (condition.label().equals(label)) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }
}
