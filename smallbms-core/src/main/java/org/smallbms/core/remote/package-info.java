/**
 * The remote on/off terminal (Remote L, Remote H) and how the BMS reads it (REM-01).
 *
 * <p>Voltages are millivolts against battery minus. Depends on the JDK only.
 */
package org.smallbms.core.remote;
