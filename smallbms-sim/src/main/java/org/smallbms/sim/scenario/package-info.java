/**
 * Scenario files: a system (BMS, batteries, components and their wiring), its initial conditions, a schedule of
 * events (loads, weather, ambient temperature, the remote switch, faults), a duration and a step, in YAML
 * ({@code docs/scenarios.md}). {@link org.smallbms.sim.scenario.Scenarios} reads a file or a shipped example and
 * refuses a malformed one with the line, the field and what is allowed; a {@link org.smallbms.sim.scenario.Scenario}
 * builds a fresh {@link org.smallbms.sim.system.SimulatedSystem} for each run.
 *
 * <p>Units in files: volts, amps, watts, ohms, °C, percent for SoC, durations as {@code 1d6h30m10s} (one grammar,
 * {@link org.smallbms.sim.scenario.Durations}, which the command line's options use too). Every input is
 * bounded (the file's size, texts, nesting, durations, the start, the bank, each quantity: docs/scenarios.md, Limits)
 * and every message quotes the file through {@link org.smallbms.sim.scenario.Printable}, so no file can crash a run,
 * run it without end or drive the terminal. Depends on the core and the rest of the simulation, never on the app.
 */
package org.smallbms.sim.scenario;
