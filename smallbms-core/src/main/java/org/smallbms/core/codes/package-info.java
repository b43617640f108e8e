/**
 * The one table of everything that can hold an output: the manual's warning, alarm and error codes (CODE-01..13)
 * and the states that are not codes (remote off, mode off, a cell at the high threshold, too cold to charge, a
 * firmware update). Each entry declares its code, message, instruction, severity and effect once; Allowed to charge,
 * Allowed to discharge and the pre-alarm are derived from the active entries and from nothing else.
 *
 * <p>Depends on the JDK only.
 */
package org.smallbms.core.codes;
