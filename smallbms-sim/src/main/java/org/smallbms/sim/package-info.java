/**
 * The world around the BMS, simulated: LiFePO4 cells, Lithium NG and Lithium Battery Smart batteries, banks, the
 * components wired to the BMS, scenarios and faults. Physics in SI doubles with the unit in the name ({@code volts},
 * {@code amps}, {@code ohms}, {@code ampHours}); the {@code sensor} package quantises once into what the batteries
 * report. Battery current is positive when charging.
 *
 * <p>Depends on the core only (for the frames it produces), never on the app.
 */
package org.smallbms.sim;
