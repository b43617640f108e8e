package org.smallbms.app.report;

import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.system.SimulatedSystem;

/**
 * One row of the time series: the simulated truth and the BMS's view at a moment.
 *
 * @param seconds since the start
 * @param socPercent the bank's true SoC
 * @param bmsSocPercent the SoC the BMS shows; NaN while unknown
 * @param volts the bank voltage
 * @param amps the bank current, positive charging
 * @param minCellVolts the lowest cell
 * @param maxCellVolts the highest cell
 * @param batteryCelsius the warmest battery
 * @param ambientCelsius the air
 * @param atc the Charge disconnect output is high
 * @param atd the Load disconnect output is high
 * @param preAlarm the pre-alarm output is high
 */
public record Sample(long seconds, double socPercent, double bmsSocPercent, double volts, double amps,
        double minCellVolts, double maxCellVolts, double batteryCelsius, double ambientCelsius, boolean atc,
        boolean atd, boolean preAlarm) {

    /** The sample of a run at {@code seconds} since its start: the world after the tick, the BMS's state of it. */
    public static Sample of(long seconds, BmsState bms, SimulatedSystem world) {
        double celsius = -273;
        for (Battery battery : world.bank().batteries()) {
            celsius = Math.max(celsius, battery.celsius());
        }
        return new Sample(seconds, world.soc() * 100, bms.socPermille().map(p -> p / 10.0).orElse(Double.NaN),
                world.bank().stepVolts(), world.bankAmps(), world.minCellVolts(), world.maxCellVolts(), celsius,
                world.ambientCelsius(), bms.protection().outputs().charge().isHigh(),
                bms.protection().outputs().load().isHigh(), bms.protection().outputs().preAlarm().isHigh());
    }
}
