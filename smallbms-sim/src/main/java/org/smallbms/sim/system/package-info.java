/**
 * The system around the BMS as one simulated world: what the BMS reads, what its outputs drive, and the physics
 * between two ticks. {@link org.smallbms.sim.system.SimulatedSystem} composes it from package-private parts that each
 * keep one thing (schedule, weather, components, the BMS unit, the daisy chain, monitors, energy ledger, the SYS-05
 * reserve, string changes) and write their events to one journal; {@link org.smallbms.sim.system.Simulation} is the
 * accelerated driver. Depends on the core (frames, outputs) and the rest of the simulation, never on the app.
 */
package org.smallbms.sim.system;
