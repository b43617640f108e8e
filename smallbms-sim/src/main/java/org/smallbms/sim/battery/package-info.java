/**
 * Batteries: Lithium NG (12.8 V 100/150/200/300 Ah, 25.6 V 100/200/300 Ah, 51.2 V 100 Ah) and Lithium Battery Smart
 * (12.8 V, 25.6 V), each with its cells in series, a lumped thermal body, its own cell monitor reporting
 * {@link org.smallbms.core.bank.BatteryFlag}s with the thresholds set in the battery, a passive balancer, a serial
 * number and a firmware version.
 *
 * <p>Units: SI doubles with the unit in the name ({@code volts}, {@code amps}, {@code ohms}, {@code celsius},
 * {@code seconds}, {@code joules}). Current is positive when charging.
 *
 * <p>Depends on the cell package and on the core's battery vocabulary ({@code BatteryModel}, {@code BatteryFlag});
 * never on the bank, the sensor or the app.
 */
package org.smallbms.sim.battery;
