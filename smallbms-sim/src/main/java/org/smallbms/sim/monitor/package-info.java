/**
 * Battery monitors on the bank's minus, as the classic manual's system examples have them (§3.1, §3.3): a SmartShunt
 * and a BMV-712 Smart, what VictronConnect shows of them (state of charge, consumed Ah, time to go, voltage,
 * current, history) and the BMV's SoC relay.
 *
 * <p>A model of its own, not the core's {@code monitor}: the core's is the smallBMS NG's, fed by the batteries'
 * reports through the BMS's frame and set by the NG's settings (charged voltage scaled to the system, tail current in
 * permille, its discharge floor shared with protection); a shunt measures the bank current itself and keeps its own
 * settings. The rules are the same kind: coulomb counting with a charge efficiency, synchronised to 100 % after the
 * charged voltage and tail current have held for the charged detection time.
 *
 * <p>SI doubles ({@code volts}, {@code amps}, {@code ampHours}, {@code seconds}); <b>current is positive when it
 * charges the battery</b>. A monitor is a mutable physics body with one owner, the system that steps it. Depends on
 * the core's events only.
 */
package org.smallbms.sim.monitor;
