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

    public static OutputReadback of(boolean chargeHigh, boolean loadHigh, boolean preAlarmHigh) {
        return new OutputReadback(true, chargeHigh, loadHigh, preAlarmHigh);
    }
}
