package org.smallbms.core.bank;

/**
 * What the BMS reads back on its own three outputs: an output it drives high that reads low is shorted or
 * overloaded (E-B11).
 *
 * @param measured false where the source of the frame cannot read the outputs back
 * @param chargeHigh the Charge disconnect output reads high
 * @param loadHigh the Load disconnect output reads high
 * @param preAlarmHigh the pre-alarm output reads high
 */
public record OutputReadback(boolean measured, boolean chargeHigh, boolean loadHigh, boolean preAlarmHigh) {

    public static final OutputReadback NOT_MEASURED = new OutputReadback(false, false, false, false);

    private static final OutputReadback[] MEASURED = new OutputReadback[8];

    static {
        for (int i = 0; i < MEASURED.length; i++) {
            MEASURED[i] = new OutputReadback(true, (i & 1) != 0, (i & 2) != 0, (i & 4) != 0);
        }
    }

    /** A measured readback: one of eight shared instances, as a frame is read every tick. */
    public static OutputReadback of(boolean chargeHigh, boolean loadHigh, boolean preAlarmHigh) {
        return MEASURED[(chargeHigh ? 1 : 0) | (loadHigh ? 2 : 0) | (preAlarmHigh ? 4 : 0)];
    }
}
