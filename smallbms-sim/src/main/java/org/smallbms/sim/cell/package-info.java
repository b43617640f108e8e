/**
 * One LiFePO4 cell as an equivalent circuit (CELL-MODEL.md): open-circuit voltage against SoC and temperature,
 * one-state hysteresis, R0 and one or two RC pairs scaled with temperature, coulombic efficiency and self-discharge;
 * and the JSON parameter sets it is built from.
 *
 * <p>The model is written twice: {@link org.smallbms.sim.cell.Cell}, the reference, the equations of
 * docs/cell-model.md as they read for one cell; and the fast path beside it, {@link org.smallbms.sim.cell.SeriesCells}
 * (the cells of a battery stepped together) and {@link org.smallbms.sim.cell.FastCell} (a string of one), tested
 * against the reference to 1 µV and 1e-9 of SoC.
 *
 * <p>Units: SI doubles with the unit in the name: {@code volts}, {@code amps}, {@code ohms}, {@code ampHours},
 * {@code seconds}, {@code celsius}/{@code kelvin}, {@code joules}. SoC is a fraction 0..1. Current is positive when
 * charging.
 *
 * <p>Depends on the JDK and Jackson (to read parameter files) only: not on the core, the rest of the simulation or
 * the app.
 */
package org.smallbms.sim.cell;
