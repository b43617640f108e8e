package org.smallbms.core.protection;

import java.util.Objects;

/**
 * What the protection step takes besides the frame: the user's settings that bear on it and what the battery monitor
 * knows of the state of charge.
 *
 * @param modeOn Mode in the app (REM-03)
 * @param preAlarmCellMillivolts the pre-alarm level (SET-01: 2850..3150, default 3100)
 * @param socKnown SoC has been synchronised or set since installation (PROT-09)
 * @param socPermille the state of charge, 0..1000; ignored when not known
 * @param dischargeFloorPercent the discharge floor, 0..99; 0 disables it (PROT-06)
 * @param lowSocWarningPercent the low SoC warning level, 0..99; 0 disables it (PROT-07)
 */
public record ProtectionInputs(boolean modeOn, int preAlarmCellMillivolts, boolean socKnown, int socPermille,
        int dischargeFloorPercent, int lowSocWarningPercent) {

    /** Factory settings, SoC unknown. */
    public static final ProtectionInputs DEFAULTS = new ProtectionInputs(true, 3_100, false, 0, 10, 20);

    public ProtectionInputs {
        check("preAlarmCellMillivolts", preAlarmCellMillivolts, 2_850, 3_150);
        check("socPermille", socPermille, 0, 1_000);
        check("dischargeFloorPercent", dischargeFloorPercent, 0, 99);
        check("lowSocWarningPercent", lowSocWarningPercent, 0, 99);
    }

    /**
     * The record's equality, written out: a steady protection state compares its inputs every tick, and the
     * generated equals showed in the profile as a chain of method handles.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectionInputs i && modeOn == i.modeOn
                && preAlarmCellMillivolts == i.preAlarmCellMillivolts && socKnown == i.socKnown
                && socPermille == i.socPermille && dischargeFloorPercent == i.dischargeFloorPercent
                && lowSocWarningPercent == i.lowSocWarningPercent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modeOn, preAlarmCellMillivolts, socKnown, socPermille, dischargeFloorPercent,
                lowSocWarningPercent);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " is outside the allowed " + min + ".." + max);
        }
    }

    public ProtectionInputs withModeOn(boolean on) {
        return new ProtectionInputs(on, preAlarmCellMillivolts, socKnown, socPermille, dischargeFloorPercent,
                lowSocWarningPercent);
    }

    public ProtectionInputs withPreAlarmCellMillivolts(int millivolts) {
        return new ProtectionInputs(modeOn, millivolts, socKnown, socPermille, dischargeFloorPercent,
                lowSocWarningPercent);
    }

    /** The same inputs with a known state of charge. */
    public ProtectionInputs withSoc(int permille) {
        return new ProtectionInputs(modeOn, preAlarmCellMillivolts, true, permille, dischargeFloorPercent,
                lowSocWarningPercent);
    }

    public ProtectionInputs withSocLevels(int floorPercent, int warningPercent) {
        return new ProtectionInputs(modeOn, preAlarmCellMillivolts, socKnown, socPermille, floorPercent,
                warningPercent);
    }
}
