package org.smallbms.sim.cell;

import java.util.Locale;

/**
 * One LiFePO4 cell stepped on its own, as {@code smallbms cell replay} and {@code smallbms cell fit} step it: the
 * equations of docs/cell-model.md with one current, one temperature. Two implementations give the same figures to
 * 1 µV and 1e-9 of SoC: {@link Cell}, the reference, written as the equations read, and {@link FastCell}, the
 * battery's fast string of one. Current is positive when charging.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances its state in place. Not thread-safe; one
 * owner steps it.
 */
public sealed interface SingleCell permits Cell, FastCell {

    /** Which of the two a caller steps. */
    enum Implementation {

        /** {@link Cell}: the equations as written, every figure looked up in every step. */
        REFERENCE,

        /** {@link FastCell}: the string of one a battery's cells are stepped as. */
        FAST;

        /** The name on a command line: {@code reference} or {@code fast}. */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The implementation named {@code name} on a command line, or null. */
        public static Implementation ofOptionName(String name) {
            for (Implementation implementation : values()) {
                if (implementation.optionName().equals(name)) {
                    return implementation;
                }
            }
            return null;
        }

        /** A cell at rest (no RC current, no hysteresis, no direction yet) of this implementation. */
        public SingleCell create(CellModel model, CellVariation variation, double soc, double celsius) {
            return switch (this) {
                case REFERENCE -> new Cell(model, variation, soc, celsius);
                case FAST -> new FastCell(model, variation, soc, celsius);
            };
        }
    }

    /**
     * Applies {@code amps} (positive charging) for {@code seconds} and advances the state.
     *
     * @return the terminal voltage during the step, v[k]
     */
    double step(double amps, double seconds);

    /**
     * The terminal voltage if {@code amps} flowed in the next step, without advancing the state: M0 with the direction
     * of {@code amps} (at zero, or in the ESC convention below Q/100, the last direction), as {@link #step} would give
     * it.
     */
    double terminalVolts(double amps);

    /**
     * The voltage behind R0 and M0: the cell is the source {@code v = sourceVolts + M0 sgn(i) + ohms * i} for the
     * next step.
     */
    double sourceVolts();

    /** The direction M0 acts with, the last current's that set it: 1 charging, −1 discharging, 0 never. */
    double direction();

    /** R0 now, at this SoC and temperature. */
    double ohms();

    /**
     * The terminal voltage now, with the last step's current flowing and M0 in the direction that step left (setting
     * the temperature does not turn it).
     */
    double volts();

    /** The open-circuit voltage at the present SoC and temperature. */
    double ocvVolts();

    /** The state of charge, a fraction: 0..1 for a cell within what it holds, beyond it when driven past. */
    double soc();

    /** The hysteresis state h, −1..1. */
    double hysteresis();

    /** This cell's capacity at its temperature. */
    double capacityAmpHours();

    double celsius();

    /**
     * Sets the cell temperature, so {@link #sourceVolts()}, {@link #ohms()} and the voltages may change.
     */
    void setCelsius(double celsius);

    /**
     * Sets the hysteresis state (−1..1) and the RC currents (positive charging, in amperes), as a replay of lab data
     * starts from a cell that was not at rest.
     */
    void setDynamicState(double hysteresis, double rc1Amps, double rc2Amps);

    /** The energy lost so far: overpotential work, coulombic loss and self-discharge, all of it heat. */
    double lossJoules();

    /** The energy the present SoC holds above SoC 0, at the present temperature: Q ∫ OCV(z, T) dz. */
    double storedJoules();
}
