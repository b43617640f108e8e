/**
 * Banks of batteries in series and parallel, solved electrically each step: parallel strings share the bank current
 * according to their internal voltages and resistances, the string currents add up to the bank current, cables add
 * their resistance, and the bus voltage is what the BMS sees at its terminals.
 *
 * <p>Units: SI doubles with the unit in the name ({@code volts}, {@code amps}, {@code ohms}, {@code seconds},
 * {@code joules}). Current is positive when charging.
 *
 * <p>Depends on the battery package and the core's {@code BatteryModel}; never on the sensor or the app.
 */
package org.smallbms.sim.bank;
