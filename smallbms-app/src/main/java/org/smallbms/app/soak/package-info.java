/**
 * The power-cut soak: starts the device as a real process, cuts it off with SIGKILL at random moments while it
 * writes, and checks after each cut what SET-04, HIST-04 and MON-07 promise. Used by the test suite (100 cuts) and
 * by {@code smallbms soak} (as many as asked). Depends on the store and the CLI's entry point, nothing else of the
 * app.
 */
package org.smallbms.app.soak;
