/**
 * The device composition root: {@link org.smallbms.app.device.Device} opens a data directory's store, restores or
 * creates the device, builds its world, clock and control loop, and hands every front end the same snapshots and the
 * one request queue. Depends on the runtime, the store, the simulation and the core; no front end depends on the
 * runtime's loop or the store's writer directly (the architecture test says so).
 */
package org.smallbms.app.device;
