package org.smallbms.sim.cell;

import java.util.Objects;

/**
 * One cell type's parameters (CELL-MODEL.md), as read from a parameter file. Field names in messages are those of
 * the JSON file, so an error in a file and an error in code read the same.
 *
 * <p>Every figure but the self-discharge may follow temperature ({@link ByTemperature}, {@link CurveByTemperature}).
 * A resistance given as a plain number is its value at 25 °C and follows {@code temperatureScaling}; one given as a
 * table is the resistance at each temperature itself.
 *
 * @param name what the set describes
 * @param capacityAmpHours the capacity Q
 * @param ocv open-circuit voltage against SoC and temperature
 * @param r0Ohms the series resistance R0
 * @param r0SocFactor R0 multiplier against SoC (1 where the cell is not near empty)
 * @param r1Ohms the first RC pair's resistance
 * @param tau1Seconds the first RC pair's time constant
 * @param r2Ohms the second RC pair's resistance; 0 for none
 * @param tau2Seconds the second RC pair's time constant; 0 when there is none
 * @param temperatureScaling how the resistances given as plain numbers scale with temperature
 * @param hysteresisVolts M against SoC: half the charge/discharge OCV gap after relaxation
 * @param m0Volts the instantaneous hysteresis M0, as {@code convention} signs it
 * @param gamma the hysteresis rate, per unit of SoC moved
 * @param coulombicEfficiency eta while charging (discharging is 1)
 * @param selfDischargePerMonth the fraction of capacity lost per month at 25 °C
 * @param selfDischargeDoublingKelvin the self-discharge doubles per this many kelvin above 25 °C
 * @param convention how M0 and the hysteresis rate are meant
 */
public record CellParameters(
        String name,
        ByTemperature capacityAmpHours,
        OcvTable ocv,
        ByTemperature r0Ohms,
        Curve r0SocFactor,
        ByTemperature r1Ohms,
        ByTemperature tau1Seconds,
        ByTemperature r2Ohms,
        ByTemperature tau2Seconds,
        ResistanceScaling temperatureScaling,
        CurveByTemperature hysteresisVolts,
        ByTemperature m0Volts,
        ByTemperature gamma,
        ByTemperature coulombicEfficiency,
        double selfDischargePerMonth,
        double selfDischargeDoublingKelvin,
        HysteresisConvention convention) {

    /** The mean month of the Gregorian calendar, 30.4375 days: what a self-discharge per month is per. */
    public static final double SECONDS_PER_MONTH = 30.4375 * 86_400;

    /** No scaling: the resistances are all tables of their own. */
    public static final ResistanceScaling NO_SCALING = new ResistanceScaling.RatioTable(Curve.constant(1));

    public CellParameters {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ocv, "ocv");
        Objects.requireNonNull(r0SocFactor, "r0SocFactor");
        Objects.requireNonNull(temperatureScaling, "temperatureScaling");
        Objects.requireNonNull(hysteresisVolts, "hysteresisVolts");
        Objects.requireNonNull(convention, "convention");
        ByTemperature.checked("capacityAh", capacityAmpHours, 0.01, 100_000,
                "give the cell capacity in Ah, for example 100");
        String ohms = "give the resistance in ohms (0.0004 is 0.4 mΩ)";
        ByTemperature.checked("resistance.r0Ohms", r0Ohms, 1e-6, 1, ohms);
        ByTemperature.checked("resistance.r1Ohms", r1Ohms, 0, 1, ohms);
        ByTemperature.checked("resistance.tau1Seconds", tau1Seconds, 0.1, 1e6,
                "give the RC time constant in seconds, for example 30");
        ByTemperature.checked("resistance.r2Ohms", r2Ohms, 0, 1, ohms);
        if (!r2Ohms.isTable() && !tau2Seconds.isTable()) {
            double r2 = r2Ohms.values()[0];
            double tau2 = tau2Seconds.values()[0];
            CellParameterException.check(r2 == 0 ? tau2 == 0 : tau2 >= 0.1 && tau2 <= 1e6, "resistance.tau2Seconds",
                    tau2, r2 == 0 ? "is given without r2Ohms" : "is outside the allowed 0.1..1000000",
                    "give r2Ohms and tau2Seconds together, or neither");
        } else {
            CellParameterException.check(r2Ohms.isTable() || r2Ohms.values()[0] > 0, "resistance.tau2Seconds",
                    tau2Seconds, "is given without r2Ohms", "give r2Ohms and tau2Seconds together, or neither");
            ByTemperature.checked("resistance.tau2Seconds", tau2Seconds, 0.1, 1e6,
                    "give r2Ohms and tau2Seconds together, or neither");
        }
        for (int i = 0; i < hysteresisVolts.rows(); i++) {
            Curve m = hysteresisVolts.curves().get(i);
            Curve.checked(hysteresisVolts.isTable() ? "hysteresis.volts.values[" + i + "]" : "hysteresis", "soc",
                    m.x(), "volts", m.y(), 0, 1, 0, 0.2);
        }
        if (hysteresisVolts.isTable()) {
            ByTemperature.checkCelsius("hysteresis.volts", hysteresisVolts.celsius(), hysteresisVolts.rows());
        }
        ByTemperature.checked("hysteresis.m0Volts", m0Volts, convention == HysteresisConvention.ESC ? -0.1 : 0, 0.1,
                convention == HysteresisConvention.ESC
                        ? "give M0 in volts, signed as the ESC model multiplies it by the sign of the discharge current"
                        : "give M0 in volts (CELL-MODEL.md: 0.001..0.005)");
        ByTemperature.checked("hysteresis.gamma", gamma, 0, 10_000,
                "give gamma per unit of SoC (CELL-MODEL.md: 50..100)");
        ByTemperature.checked("coulombicEfficiency", coulombicEfficiency, 0.9, 1,
                "give eta as a fraction, for example 0.999");
        CellParameterException.checkRange("selfDischarge.percentPerMonth", selfDischargePerMonth * 100, 0, 50,
                "give the self-discharge in % of capacity per month at 25 °C, for example 1.5");
        CellParameterException.checkRange("selfDischarge.doublingKelvin", selfDischargeDoublingKelvin, 1, 100,
                "give how many kelvin double the self-discharge, for example 10");
    }

    /** A set whose figures do not follow temperature (other than by the resistance scaling), in this simulation's
     * own hysteresis convention. */
    public CellParameters(String name, double capacityAmpHours, OcvTable ocv, double r0Ohms, Curve r0SocFactor,
            double r1Ohms, double tau1Seconds, double r2Ohms, double tau2Seconds,
            ResistanceScaling temperatureScaling, Curve hysteresisVolts, double m0Volts, double gamma,
            double coulombicEfficiency, double selfDischargePerMonth, double selfDischargeDoublingKelvin) {
        this(name, ByTemperature.of(capacityAmpHours), ocv, ByTemperature.of(r0Ohms), r0SocFactor,
                ByTemperature.of(r1Ohms), ByTemperature.of(tau1Seconds), ByTemperature.of(r2Ohms),
                ByTemperature.of(tau2Seconds), temperatureScaling, CurveByTemperature.of(hysteresisVolts),
                ByTemperature.of(m0Volts), ByTemperature.of(gamma), ByTemperature.of(coulombicEfficiency),
                selfDischargePerMonth, selfDischargeDoublingKelvin, HysteresisConvention.SMALLBMS);
    }

    /** Whether the second RC pair is present. */
    public boolean hasSecondRcPair() {
        return r2Ohms.isTable() || r2Ohms.values()[0] > 0;
    }

    /**
     * Whether any figure other than the OCV and the resistances given as plain numbers follows temperature: then a
     * cell works its figures out again whenever its temperature is set.
     */
    public boolean followsTemperature() {
        return capacityAmpHours.varies() || r0Ohms.varies() || r1Ohms.varies() || tau1Seconds.varies()
                || r2Ohms.varies() || tau2Seconds.varies() || hysteresisVolts.varies() || m0Volts.varies()
                || gamma.varies() || coulombicEfficiency.varies();
    }

    /** The resistance {@code ohms} at {@code celsius}: a table's value, or a plain number scaled by the scaling. */
    public double ohmsAt(ByTemperature ohms, double celsius) {
        return ohms.isTable() ? ohms.at(celsius) : ohms.at(celsius) * temperatureScaling.factor(celsius + 273.15);
    }

    /** M0 at {@code celsius} as this simulation applies it: with the charging current's direction. */
    public double chargingM0VoltsAt(double celsius) {
        double m0 = m0Volts.at(celsius);
        return convention == HysteresisConvention.ESC ? -m0 : m0;
    }

    /**
     * The same cell chemistry at another capacity: capacity × k and every resistance ÷ k, with k = {@code ampHours}
     * ÷ this capacity at 25 °C (cells of one chemistry in a larger can have proportionally larger electrodes).
     */
    public CellParameters scaledTo(double ampHours) {
        double k = ampHours / capacityAmpHours.at(25);
        ByTemperature capacity = capacityAmpHours.varies() ? capacityAmpHours.times(k) : ByTemperature.of(ampHours);
        if (capacityAmpHours.isTable() && !capacityAmpHours.varies()) {
            capacity = ByTemperature.table(capacityAmpHours.celsius(), new double[] {ampHours});
        }
        return new CellParameters(name + " scaled to " + ampHours + " Ah", capacity, ocv, r0Ohms.dividedBy(k),
                r0SocFactor, r1Ohms.dividedBy(k), tau1Seconds, r2Ohms.dividedBy(k), tau2Seconds, temperatureScaling,
                hysteresisVolts, m0Volts, gamma, coulombicEfficiency, selfDischargePerMonth,
                selfDischargeDoublingKelvin, convention);
    }
}
