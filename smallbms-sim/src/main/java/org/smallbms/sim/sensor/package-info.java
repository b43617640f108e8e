/**
 * The link from the simulated batteries to the BMS: quantises the physics once into the core's
 * {@link org.smallbms.core.bank.BankFrame} (cell millivolts, deciCelsius, milliamps, battery millivolts, flags) and
 * simulates the daisy chain with its faults (a battery that does not answer, the loop open, batteries added or
 * removed as the bank changes).
 *
 * <p>Units: doubles in SI from the bank in, integers in the core's units out. Current is positive when charging.
 *
 * <p>Depends on the bank and battery packages and the core's bank and remote vocabulary; never on the app.
 */
package org.smallbms.sim.sensor;
