/**
 * The smallBMS NG as a pure, deterministic function of its inputs.
 *
 * <p>Nothing in this module reads a clock, sleeps, starts a thread, logs or touches a file: time arrives as an
 * {@link java.time.Instant} argument and everything the BMS decides leaves as a returned value (state, outputs,
 * events). It depends on the JDK only.
 *
 * <p>Units are integers with the unit in the name: {@code millivolts}, {@code milliamps}, {@code deciCelsius},
 * {@code socPermille}. <b>Battery current is positive when charging</b>, everywhere in the project.
 */
package org.smallbms.core;
