package org.smallbms.sim.cell;

/**
 * One LiFePO4 cell on its own, the fast way: a {@link SeriesCells} string of one, with the string's step (the lines
 * of its SoC segments, its constants per step length, its fused multiply-adds). The fast path beside {@link Cell},
 * the reference it is tested against (to 1 µV and 1e-9 of SoC); what {@code smallbms cell replay} steps by default and
 * what {@code smallbms cell fit} replays tens of times per fit, where the reference's table lookups in every step
 * would cost several times the time (docs/benchmarks.md).
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances its state in place. Current is positive
 * when charging. Not thread-safe; one owner steps it.
 */
public final class FastCell implements SingleCell {

    private final SeriesCells string;

    /**
     * A cell at rest: no RC current, no hysteresis.
     *
     * @param model the cell type
     * @param variation how this cell differs from the nominal one
     * @param soc the initial state of charge, 0..1
     * @param celsius the initial temperature
     */
    public FastCell(CellModel model, CellVariation variation, double soc, double celsius) {
        string = new SeriesCells(model, new CellVariation[] {variation}, soc, celsius);
    }

    @Override
    public double step(double amps, double seconds) {
        return string.step(amps, seconds);
    }

    @Override
    public double terminalVolts(double amps) {
        return string.volts(0, amps);
    }

    @Override
    public double sourceVolts() {
        return string.sourceVolts(0);
    }

    @Override
    public double direction() {
        return string.direction(0);
    }

    @Override
    public double ohms() {
        return string.ohms(0);
    }

    @Override
    public double volts() {
        return string.volts(0);
    }

    @Override
    public double ocvVolts() {
        return string.ocvVolts(0);
    }

    @Override
    public double soc() {
        return string.soc(0);
    }

    @Override
    public double hysteresis() {
        return string.hysteresis(0);
    }

    @Override
    public double capacityAmpHours() {
        return string.capacityAmpHours(0);
    }

    @Override
    public double celsius() {
        return string.celsius();
    }

    @Override
    public void setCelsius(double celsius) {
        string.setCelsius(celsius);
    }

    @Override
    public void setDynamicState(double hysteresis, double rc1Amps, double rc2Amps) {
        string.setDynamicState(hysteresis, rc1Amps, rc2Amps);
    }

    @Override
    public double lossJoules() {
        return string.lossJoules();
    }

    @Override
    public double storedJoules() {
        return string.storedJoules(0);
    }
}
