package org.smallbms.app.report;

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
}
