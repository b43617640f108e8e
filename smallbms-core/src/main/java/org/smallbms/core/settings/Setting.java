package org.smallbms.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.text.Figures;

/**
 * The schema of every user setting (SET-01): key, unit, default, range, step, whether the value scales with the
 * system voltage, and whether "Reset to defaults" restores it (SET-03: exactly the five battery monitor settings of
 * manual §5.1.2).
 *
 * <p>A setting that scales with the system voltage declares its default and range for a 12 V system (one 12.8 V
 * battery in series); a 24 V system doubles them, a 48 V system quadruples them.
 *
 * <p><em>Decisions</em> where the manual gives no figure: charged voltage 14.0 V per 12.8 V in series (MON-02), range
 * 13.2–14.6 V (3.30–3.65 V per cell: above the resting voltage of a full LiFePO4 cell, below the battery's 3.75 V high
 * cell threshold), step 0.1 V; low SoC warning level and discharge floor 0–99 % in steps of 1 %, 0 disabling each
 * (PROT-06, PROT-07); pre-alarm level step 10 mV; Bluetooth and Instant Readout on by default.
 *
 * <p>The PIN is not among them: SET-01's revised decision makes it a secret of the device, made at random when the
 * device is created and kept only as a salted hash beside the device's identity, never in its settings, events or
 * messages. The app keeps it; the core never sees it.
 */
public enum Setting {
    CHARGED_VOLTAGE("chargedVoltage", "Charged voltage", Unit.MILLIVOLTS, 14_000, 13_200, 14_600, 100, true, true),
    TAIL_CURRENT("tailCurrent", "Tail current", Unit.PERMILLE_OF_CAPACITY, 40, 5, 100, 5, false, true),
    CHARGED_DETECTION_TIME("chargedDetectionTime", "Charged detection time", Unit.MINUTES, 3, 1, 50, 1, false, true),
    LOW_SOC_WARNING("lowSocWarning", "Low SoC warning level", Unit.PERCENT, 20, 0, 99, 1, false, true),
    DISCHARGE_FLOOR("dischargeFloor", "Discharge floor", Unit.PERCENT, 10, 0, 99, 1, false, true),
    PRE_ALARM_LEVEL("preAlarmLevel", "Pre-alarm level", Unit.MILLIVOLTS, 3_100, 2_850, 3_150, 10, false, false),
    MODE("mode", "Mode", Unit.ON_OFF, 1, 0, 1, 1, false, false),
    BLUETOOTH("bluetooth", "Bluetooth", Unit.ON_OFF, 1, 0, 1, 1, false, false),
    INSTANT_READOUT("instantReadout", "Instant Readout", Unit.ON_OFF, 1, 0, 1, 1, false, false);

    /** How every refusal of a change ends (SET-02). */
    static final String NOTHING_CHANGED = " Nothing was changed.";

    private final String key;
    private final String label;
    private final Unit unit;
    private final int default12V;
    private final int min12V;
    private final int max12V;
    private final int step;
    private final boolean scalesWithSystem;
    private final boolean resetByDefaults;

    Setting(String key, String label, Unit unit, int default12V, int min12V, int max12V, int step,
            boolean scalesWithSystem, boolean resetByDefaults) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.default12V = default12V;
        this.min12V = min12V;
        this.max12V = max12V;
        this.step = step;
        this.scalesWithSystem = scalesWithSystem;
        this.resetByDefaults = resetByDefaults;
    }

    /** The name in files and protocols: {@code "chargedVoltage"}, … */
    public String key() {
        return key;
    }

    /**
     * The setting whose {@link #key()} is {@code key}, exactly as written (keys are case-sensitive in files and
     * protocols alike); empty when none is, for the caller to refuse in its own words, naming {@link #keys()}.
     */
    public static Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** Every key in schema order, for a message that says which settings there are. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Setting setting : values()) {
            keys.add(setting.key);
        }
        return List.copyOf(keys);
    }

    /** The name the app shows: {@code "Charged voltage"}, … */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public int step() {
        return step;
    }

    /** Whether the default and range follow the system voltage (×1, ×2, ×4 for 12, 24, 48 V). */
    public boolean scalesWithSystem() {
        return scalesWithSystem;
    }

    /** Whether "Reset to defaults" restores this setting (SET-03). */
    public boolean resetByDefaults() {
        return resetByDefaults;
    }

    public int defaultFor(SystemVoltage system) {
        return default12V * multiplier(system);
    }

    public int minFor(SystemVoltage system) {
        return min12V * multiplier(system);
    }

    public int maxFor(SystemVoltage system) {
        return max12V * multiplier(system);
    }

    /** How many 12.8 V batteries in series make the system, for a setting that scales; 1 otherwise. */
    int multiplier(SystemVoltage system) {
        return scalesWithSystem ? system.nominalMillivolts() / SystemVoltage.V12.nominalMillivolts() : 1;
    }

    /** The value as the app shows it: {@code "14.0 V"}, {@code "4.0 %"}, {@code "On"}, {@code "000000"}. */
    public String format(int value) {
        return unit.format(value, step);
    }

    /** The allowed range as the app shows it: {@code "13.2..14.6 V (step 0.1 V)"}. */
    public String rangeText(SystemVoltage system) {
        return switch (unit) {
            case ON_OFF -> "Off or On";
            case MILLIVOLTS, PERMILLE_OF_CAPACITY, MINUTES, PERCENT -> unit.number(minFor(system), step) + ".."
                    + format(maxFor(system)) + " (step " + format(step) + ")";
        };
    }

    /**
     * Why {@code value}, as a user gave it, is not allowed for this setting on its own in a {@code system}: not a
     * whole number, out of range or off the step; empty when it is allowed. The rule across settings (the low SoC
     * warning level at or above the discharge floor) is {@link Settings}'s, checked on the set a change makes.
     */
    public Optional<String> problem(SystemVoltage system, double value) {
        return Optional.ofNullable(rule(system, value)).map(rule -> rule + NOTHING_CHANGED);
    }

    /** {@link #problem} without the closing "Nothing was changed.", so several can make one refusal; null if none. */
    String rule(SystemVoltage system, double value) {
        String notWhole = wholeNumberRule(system, value);
        return notWhole != null ? notWhole : rangeRule(system, (int) value);
    }

    private String wholeNumberRule(SystemVoltage system, double value) {
        if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            return null;
        }
        return label + " = " + value + " is not allowed: give a whole number in " + unit.valueUnit()
                + "; the allowed values are " + rangeText(system) + ".";
    }

    /** Why {@code value} is not allowed for this setting on its own, in a {@code system}; null when it is. */
    String rangeProblem(SystemVoltage system, int value) {
        String rule = rangeRule(system, value);
        return rule == null ? null : rule + NOTHING_CHANGED;
    }

    private String rangeRule(SystemVoltage system, int value) {
        int min = minFor(system);
        if (value < min || value > maxFor(system) || (value - min) % step != 0) {
            String scope = scalesWithSystem ? " for a " + system.label() + " system" : "";
            return label + " = " + shown(value) + " is not allowed" + scope + ": the allowed values are "
                    + rangeText(system) + ".";
        }
        return null;
    }

    /** A value for a message: formatted when it could be a value of this unit at all, raw otherwise. */
    private String shown(int value) {
        return switch (unit) {
            case ON_OFF -> value >= 0 && value <= max12V ? format(value) : Integer.toString(value);
            // A voltage off the step is shown to the millivolt: 14150 mV is "14.150 V", not the allowed "14.2 V".
            case MILLIVOLTS -> value % step == 0 ? format(value) : Figures.millivoltsAsVolts(value, 3);
            case PERMILLE_OF_CAPACITY, MINUTES, PERCENT -> format(value);
        };
    }
}
