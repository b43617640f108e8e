/**
 * The app: the runtime that drives the core on a real or virtual clock, the CLI, and the interfaces users know.
 * The only module that does I/O, keeps time and logs.
 */
package org.smallbms.app;
