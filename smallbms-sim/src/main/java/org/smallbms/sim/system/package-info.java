/**
 * The system around the BMS as one simulated world: what the BMS reads, what its outputs drive, and the physics
 * between two ticks. Depends on the core (frames, outputs) and the rest of the simulation, never on the app.
 */
package org.smallbms.sim.system;
