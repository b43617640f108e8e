/**
 * The {@code smallbms} command line (picocli). Each command prints through its own writers and returns an exit code,
 * so tests run it in-process and read what it printed.
 */
package org.smallbms.app.cli;
