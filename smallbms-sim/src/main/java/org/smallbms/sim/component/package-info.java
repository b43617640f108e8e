/**
 * The devices around the BMS (manual §3.2, §3.3, Appendix A): DC loads, chargers, a solar charger with its sun,
 * Smart BatteryProtect, Cyrix-Li-ct, inverters, a DC-DC converter, pre-alarm buzzers and relays, and how each is
 * wired to a BMS output (directly, through a VE.Direct non-inverting cable, an inverting cable, the Skylla TG's
 * non-inverting cable, the Skylla-i cable, or a Cyrix-Li-Charge or Cyrix-Li-Load in its power path).
 *
 * <p>The model is deliberately simple and explicit: in each step every component gives the current it draws or
 * delivers at the bus voltage, given whether its control input is on; the system adds them up into the bank current.
 * Units are SI doubles ({@code volts}, {@code amps}, {@code watts}, {@code seconds}). <b>Current is positive when it
 * charges the battery</b>: a charger returns a positive current, a load a negative one.
 *
 * <p>Components with a memory (a charger's phase, a BatteryProtect's undervoltage latch) are mutable physics bodies
 * with one owner, the system that steps them. Depends on the core (levels, models) only.
 */
package org.smallbms.sim.component;
