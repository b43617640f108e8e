package org.smallbms.app.report;

import java.util.List;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.system.SimulatedSystem;

/**
 * One row of the time series: one instant {@code t}, the simulated truth and the BMS's view of it. The batteries'
 * state (SoC, cells, temperature) is theirs at {@code t}, as the BMS read them when it decided the outputs of the
 * same row; the bank's voltage and current are those of the step that starts at {@code t}, under those outputs.
 *
 * @param seconds since the start
 * @param socPercent the bank's true SoC at t
 * @param bmsSocPercent the SoC the BMS shows after its step at t; NaN while unknown
 * @param volts the bank voltage during the step from t
 * @param amps the bank current during the step from t, positive charging
 * @param minCellVolts the lowest cell at t
 * @param maxCellVolts the highest cell at t
 * @param batteryCelsius the warmest battery at t
 * @param ambientCelsius the air
 * @param atc the Charge disconnect output is high (decided at t)
 * @param atd the Load disconnect output is high (decided at t)
 * @param preAlarm the pre-alarm output is high (decided at t)
 * @param monitorSocPercent the SoC the system's first battery monitor (a SmartShunt, a BMV-712) shows after the step
 *     from t; NaN without a monitor or while it does not know
 */
public record Sample(long seconds, double socPercent, double bmsSocPercent, double volts, double amps,
        double minCellVolts, double maxCellVolts, double batteryCelsius, double ambientCelsius, boolean atc,
        boolean atd, boolean preAlarm, double monitorSocPercent) {

    /**
     * What the batteries were at one instant.
     *
     * @param socPercent the bank's true SoC
     * @param minCellVolts the lowest cell
     * @param maxCellVolts the highest cell
     * @param batteryCelsius the warmest battery
     */
    public record State(double socPercent, double minCellVolts, double maxCellVolts, double batteryCelsius) {

        /** The batteries of {@code world} as they are now. */
        public static State of(SimulatedSystem world) {
            return new State(world.soc() * 100, world.minCellVolts(), world.maxCellVolts(), warmest(world));
        }

        /** The temperature of the warmest battery of {@code world} now. */
        static double warmest(SimulatedSystem world) {
            double celsius = -273;
            List<Battery> batteries = world.bank().batteries();
            for (int i = 0; i < batteries.size(); i++) {
                celsius = Math.max(celsius, batteries.get(i).celsius());
            }
            return celsius;
        }
    }

    /**
     * The sample of a run at {@code seconds} since its start: the batteries {@code at} that instant, the BMS's state
     * after its step then, and the step that followed, after which {@code world} stands.
     */
    public static Sample of(long seconds, State at, BmsState bms, SimulatedSystem world) {
        return new Sample(seconds, at.socPercent(), bms.socPermille().map(p -> p / 10.0).orElse(Double.NaN),
                world.bank().stepVolts(), world.bankAmps(), at.minCellVolts(), at.maxCellVolts(),
                at.batteryCelsius(), world.ambientCelsius(), bms.protection().outputs().charge().isHigh(),
                bms.protection().outputs().load().isHigh(), bms.protection().outputs().preAlarm().isHigh(),
                world.monitors().isEmpty() ? Double.NaN : world.monitors().get(0).socPercent().orElse(Double.NaN));
    }
}
