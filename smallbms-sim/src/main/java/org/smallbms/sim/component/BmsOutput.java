package org.smallbms.sim.component;

import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.protection.Level;
import org.smallbms.core.protection.Outputs;

/**
 * The BMS outputs a control input can be wired to, or none. Their source ratings are the device's (OUT-02, the
 * profile's {@link DeviceProfile#ratings()}): the smallBMS NG's and the classic's differ.
 */
public enum BmsOutput {
    /** Charge disconnect: high while allowed to charge; NG 500 mA, classic 10 mA short-circuit protected. */
    CHARGE_DISCONNECT("Charge disconnect"),
    /** Load disconnect: high while allowed to discharge; 1 A on both, not short-circuit protected. */
    LOAD_DISCONNECT("Load disconnect"),
    /** Pre-alarm: high while a pre-alarm is active; NG 500 mA (REQUIREMENTS.md OUT-02 decision), classic 1 A. */
    PRE_ALARM("Pre-alarm"),
    /** Not wired to the BMS: the device runs uncontrolled. */
    NONE("none");

    /** OUT-01: an output that is high sits 0.1 V below Vbat. */
    public static final double HIGH_DROP_VOLTS = 0.1;

    private static final DeviceProfile.Rating NO_RATING = new DeviceProfile.Rating(0, false);

    private final String label;

    BmsOutput(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The most the smallBMS NG's output may source (OUT-02). */
    public double ratingAmps() {
        return ratingAmps(DeviceProfile.NG);
    }

    /** The most this device's output may source (OUT-02); 0 for {@link #NONE}. */
    public double ratingAmps(DeviceProfile device) {
        return rating(device).milliamps() / 1000.0;
    }

    /** This device's rating of the output (OUT-02); none for {@link #NONE}. */
    public DeviceProfile.Rating rating(DeviceProfile device) {
        DeviceProfile.Ratings ratings = device.ratings();
        return switch (this) {
            case CHARGE_DISCONNECT -> ratings.charge();
            case LOAD_DISCONNECT -> ratings.load();
            case PRE_ALARM -> ratings.preAlarm();
            case NONE -> NO_RATING;
        };
    }

    /** The level of this output among the BMS's three; {@link Level#FLOATING} for {@link #NONE}. */
    public Level levelIn(Outputs outputs) {
        return switch (this) {
            case CHARGE_DISCONNECT -> outputs.charge();
            case LOAD_DISCONNECT -> outputs.load();
            case PRE_ALARM -> outputs.preAlarm();
            case NONE -> Level.FLOATING;
        };
    }

    /** OUT-01: the voltage of the output when high at this battery voltage. */
    public static double highVolts(double batteryVolts) {
        return Math.max(0, batteryVolts - HIGH_DROP_VOLTS);
    }
}
