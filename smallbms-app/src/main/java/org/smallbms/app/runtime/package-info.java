/**
 * The runtime of a live device: one control loop thread that reads the world, steps the core, drives the outputs and
 * publishes an immutable {@link org.smallbms.app.runtime.Snapshot} for every reader. Commands from users enter on
 * one queue and are applied between two ticks, in the order they arrived.
 *
 * <p>Time comes from a {@link org.smallbms.app.runtime.DeviceClock}: the wall clock, the wall clock scaled, or a
 * virtual clock that runs as fast as the CPU allows. The core never knows which.
 *
 * <p>Persistence is behind {@link org.smallbms.app.runtime.Persistence}, whose calls never block the control
 * thread: protection never waits on storage. Depends on the core and the simulation's {@code World}, never on the
 * store, the CLI or an adapter.
 */
package org.smallbms.app.runtime;
