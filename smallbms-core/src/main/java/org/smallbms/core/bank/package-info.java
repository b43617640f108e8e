/**
 * The battery bank as the BMS sees it over the daisy chain: one {@link org.smallbms.core.bank.BankFrame} per tick,
 * topology detection (TOP-01..04, TOP-09) and validation (TOP-05..08).
 *
 * <p>Values are integers: millivolts, milliamps, deciCelsius. Battery current is positive when charging. Thresholds
 * that are hard-coded in a battery live in the battery; here they arrive as
 * {@link org.smallbms.core.bank.BatteryFlag}s.
 * Depends on the JDK only.
 */
package org.smallbms.core.bank;
