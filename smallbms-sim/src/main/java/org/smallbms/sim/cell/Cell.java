package org.smallbms.sim.cell;

/**
 * One LiFePO4 cell on its own: a {@link SeriesCells} string of one, with the same model and the same step (see
 * there for the equations). What {@code smallbms cell replay} and the model's own checks step; a battery steps its
 * cells as a string.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances its state in place. Current is positive
 * when charging. Not thread-safe; one owner steps it.
 */
public final class Cell {

    private final SeriesCells string;

    /**
     * A cell at rest: no RC current, no hysteresis.
     *
     * @param model the cell type
     * @param variation how this cell differs from the nominal one
     * @param soc the initial state of charge, 0..1
     * @param celsius the initial temperature
     */
    public Cell(CellModel model, CellVariation variation, double soc, double celsius) {
        string = new SeriesCells(model, new CellVariation[] {variation}, soc, celsius);
    }

    /**
     * Applies {@code amps} (positive charging) for {@code seconds} and advances the state.
     *
     * @return the terminal voltage during the step, v[k]
     */
    public double step(double amps, double seconds) {
        return string.step(amps, seconds);
    }

    /**
     * The terminal voltage if {@code amps} flowed in the next step, without advancing the state: M0 with the direction
     * of {@code amps} (at zero, the last direction), as {@link #step} would give it.
     */
    public double terminalVolts(double amps) {
        return string.volts(0, amps);
    }

    /**
     * The voltage behind R0 and M0: the cell is the source {@code v = sourceVolts + M0 sgn(i) + ohms * i} for the
     * next step.
     */
    public double sourceVolts() {
        return string.sourceVolts(0);
    }

    /** The direction of the last current other than zero: 1 charging, −1 discharging, 0 never. */
    public double direction() {
        return string.direction(0);
    }

    /** R0 now, at this SoC and temperature. */
    public double ohms() {
        return string.ohms(0);
    }

    /** The terminal voltage in the next step if the last current keeps flowing. */
    public double volts() {
        return string.volts(0);
    }

    /** The open-circuit voltage at the present SoC and temperature. */
    public double ocvVolts() {
        return string.ocvVolts(0);
    }

    public double soc() {
        return string.soc(0);
    }

    /** The hysteresis state h, −1..1. */
    public double hysteresis() {
        return string.hysteresis(0);
    }

    public double capacityAmpHours() {
        return string.capacityAmpHours(0);
    }

    public double celsius() {
        return string.celsius();
    }

    /**
     * Sets the cell temperature and works out its temperature factors again, so {@link #sourceVolts()},
     * {@link #ohms()} and the voltages may change.
     */
    public void setCelsius(double celsius) {
        string.setCelsius(celsius);
    }

    /**
     * Sets the hysteresis state (−1..1) and the RC currents (positive charging, in amperes), as a replay of lab data
     * starts from a cell that was not at rest.
     */
    public void setDynamicState(double hysteresis, double rc1Amps, double rc2Amps) {
        string.setDynamicState(hysteresis, rc1Amps, rc2Amps);
    }

    /** The energy lost so far: overpotential work, coulombic loss and self-discharge, all of it heat. */
    public double lossJoules() {
        return string.lossJoules();
    }

    /** The energy the present SoC holds above SoC 0, at the present temperature: Q ∫ OCV(z, T) dz. */
    public double storedJoules() {
        return string.storedJoules(0);
    }
}
