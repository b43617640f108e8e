package org.smallbms.sim.cell;

import java.util.Objects;

/**
 * One cell type's parameters at 25 °C (CELL-MODEL.md), as read from a parameter file. Field names in messages are
 * those of the JSON file, so an error in a file and an error in code read the same.
 *
 * @param name what the set describes
 * @param capacityAmpHours the capacity Q
 * @param ocv open-circuit voltage against SoC and temperature
 * @param r0Ohms the series resistance R0 at 25 °C
 * @param r0SocFactor R0 multiplier against SoC (1 where the cell is not near empty)
 * @param r1Ohms the first RC pair's resistance at 25 °C
 * @param tau1Seconds the first RC pair's time constant
 * @param r2Ohms the second RC pair's resistance at 25 °C; 0 for none
 * @param tau2Seconds the second RC pair's time constant; 0 when there is none
 * @param temperatureScaling how R0, R1 and R2 scale with temperature
 * @param hysteresisVolts M against SoC: half the charge/discharge OCV gap after relaxation
 * @param m0Volts the instantaneous hysteresis M0
 * @param gamma the hysteresis rate, per unit of SoC moved
 * @param coulombicEfficiency eta while charging (discharging is 1)
 * @param selfDischargePerMonth the fraction of capacity lost per month at 25 °C
 * @param selfDischargeDoublingKelvin the self-discharge doubles per this many kelvin above 25 °C
 */
public record CellParameters(
        String name,
        double capacityAmpHours,
        OcvTable ocv,
        double r0Ohms,
        Curve r0SocFactor,
        double r1Ohms,
        double tau1Seconds,
        double r2Ohms,
        double tau2Seconds,
        ResistanceScaling temperatureScaling,
        Curve hysteresisVolts,
        double m0Volts,
        double gamma,
        double coulombicEfficiency,
        double selfDischargePerMonth,
        double selfDischargeDoublingKelvin) {

    public CellParameters {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ocv, "ocv");
        Objects.requireNonNull(r0SocFactor, "r0SocFactor");
        Objects.requireNonNull(temperatureScaling, "temperatureScaling");
        Objects.requireNonNull(hysteresisVolts, "hysteresisVolts");
        CellParameterException.checkRange("capacityAh", capacityAmpHours, 0.01, 100_000,
                "give the cell capacity in Ah, for example 100");
        String ohms = "give the resistance in ohms (0.0004 is 0.4 mΩ)";
        CellParameterException.checkRange("resistance.r0Ohms", r0Ohms, 1e-6, 1, ohms);
        CellParameterException.checkRange("resistance.r1Ohms", r1Ohms, 0, 1, ohms);
        CellParameterException.checkRange("resistance.tau1Seconds", tau1Seconds, 0.1, 1e6,
                "give the RC time constant in seconds, for example 30");
        CellParameterException.checkRange("resistance.r2Ohms", r2Ohms, 0, 1, ohms);
        CellParameterException.check(r2Ohms == 0 ? tau2Seconds == 0 : tau2Seconds >= 0.1 && tau2Seconds <= 1e6,
                "resistance.tau2Seconds", tau2Seconds, r2Ohms == 0 ? "is given without r2Ohms"
                        : "is outside the allowed 0.1..1000000", "give r2Ohms and tau2Seconds together, or neither");
        CellParameterException.checkRange("hysteresis.m0Volts", m0Volts, 0, 0.1,
                "give M0 in volts (CELL-MODEL.md: 0.001..0.005)");
        CellParameterException.checkRange("hysteresis.gamma", gamma, 0, 10_000,
                "give gamma per unit of SoC (CELL-MODEL.md: 50..100)");
        CellParameterException.checkRange("coulombicEfficiency", coulombicEfficiency, 0.9, 1,
                "give eta as a fraction, for example 0.999");
        CellParameterException.checkRange("selfDischarge.percentPerMonth", selfDischargePerMonth * 100, 0, 50,
                "give the self-discharge in % of capacity per month at 25 °C, for example 1.5");
        CellParameterException.checkRange("selfDischarge.doublingKelvin", selfDischargeDoublingKelvin, 1, 100,
                "give how many kelvin double the self-discharge, for example 10");
    }

    /** Whether the second RC pair is present. */
    public boolean hasSecondRcPair() {
        return r2Ohms > 0;
    }

    /**
     * The same cell chemistry at another capacity: capacity × k and every resistance ÷ k, with k = {@code ampHours}
     * ÷ this capacity (cells of one chemistry in a larger can have proportionally larger electrodes).
     */
    public CellParameters scaledTo(double ampHours) {
        double k = ampHours / capacityAmpHours;
        return new CellParameters(name + " scaled to " + ampHours + " Ah", ampHours, ocv, r0Ohms / k, r0SocFactor,
                r1Ohms / k, tau1Seconds, r2Ohms / k, tau2Seconds, temperatureScaling, hysteresisVolts, m0Volts,
                gamma, coulombicEfficiency, selfDischargePerMonth, selfDischargeDoublingKelvin);
    }
}
