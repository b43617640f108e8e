package org.smallbms.sim.battery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryModel;

/** The self-check figures of CELL-MODEL.md that a correct simulation reproduces. */
class SelfCheckTest {

    private static final double SECOND = 1;

    /** Rests the battery after a slow discharge, so the hysteresis sits on the discharge branch. */
    private static Battery restedAfterDischarge(BatteryModel model, double soc) {
        Battery battery = Battery.of(model, "HQ0001", 7, soc, 25);
        double amps = -0.05 * model.capacityAmpHours();
        for (int s = 0; s < 1800; s++) {
            battery.step(amps, SECOND);
        }
        rest(battery, 3 * 3600);
        return battery;
    }

    private static void rest(Battery battery, int seconds) {
        for (int s = 0; s < seconds; s += 10) {
            battery.step(0, 10);
        }
    }

    @Test
    @DisplayName("TOP-02 a 12.8 V/100 Ah battery sags about 0.3 V after a minute at 1C discharge")
    void sag_oneMinuteAtOneC_isAboutPointThreeVolts() {
        Battery battery = restedAfterDischarge(BatteryModel.NG_12V8_100AH, 0.6);
        double restVolts = battery.volts();
        for (int s = 0; s < 60; s++) {
            battery.step(-100, SECOND);
        }
        double sag = restVolts - battery.volts();
        assertThat(sag).as("sag after 60 s at 100 A from %.3f V", restVolts).isBetween(0.25, 0.35);
    }

    /**
     * The end of the reserve: a resting cell at 2.70 V, the upper end of the "2.6-2.7 V ≈ 1 %" point of CELL-MODEL.md;
     * below it the cell is being damaged.
     */
    private static final double TAIL_END_VOLTS = 2.70;

    @Test
    @DisplayName("SYS-05 a 2.8 V cell disconnect at 0.5C leaves 2-3 % SoC; the rest voltage recovers to 2.85-3.05 V; "
            + "a 10 mA drain then takes a 200 Ah battery through the reserve in about 8 days")
    void lowCellDisconnect_leavesReserve_tailWalkTakesAboutEightDays() {
        Battery battery = restedAfterDischarge(BatteryModel.NG_12V8_200AH, 0.2);
        int seconds = 0;
        while (!battery.has(BatteryFlag.CELL_LOW_VOLTAGE) && seconds < 4 * 3600) {
            battery.step(-100, SECOND);
            seconds++;
        }
        assertThat(battery.has(BatteryFlag.CELL_LOW_VOLTAGE)).as("the monitor disconnects").isTrue();
        assertThat(battery.minSoc()).as("SoC left at the disconnect").isBetween(0.02, 0.03);

        rest(battery, 3600);
        assertThat(battery.minCellVolts()).as("rest voltage an hour later").isBetween(2.85, 3.05);

        double minuteStep = 60;
        double days = 0;
        while (battery.minCellVolts() > TAIL_END_VOLTS && days < 60) {
            battery.step(-0.010, minuteStep);
            days += minuteStep / 86_400;
        }
        assertThat(days).as("days of 10 mA drain (plus self-discharge) to %s V", TAIL_END_VOLTS).isBetween(6.0, 10.0);
    }
}
