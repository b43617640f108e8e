/**
 * The two LEDs of the smallBMS NG (LED-01, LED-02) with their blink patterns as data. Depends on the JDK and the
 * codes package only.
 */
package org.smallbms.core.led;
