package org.smallbms.core.led;

import java.time.Duration;
import java.util.Objects;

/**
 * How an LED shows a state: lit for {@code on}, dark for {@code off}, repeating. Steady on has no dark time, off has
 * no lit time.
 *
 * <p><em>Decision</em> (the manual says "blinking" only): a blink is 0.5 s on, 0.5 s off.
 *
 * @param name what the manual calls it: "Off", "On", "Blinking"
 * @param on lit time per period
 * @param off dark time per period
 */
public record LedPattern(String name, Duration on, Duration off) {

    public static final LedPattern OFF = new LedPattern("Off", Duration.ZERO, Duration.ofSeconds(1));
    public static final LedPattern ON = new LedPattern("On", Duration.ofSeconds(1), Duration.ZERO);
    public static final LedPattern BLINKING = new LedPattern("Blinking", Duration.ofMillis(500),
            Duration.ofMillis(500));

    public LedPattern {
        Objects.requireNonNull(name, "name");
        if (on.isNegative() || off.isNegative() || on.plus(off).isZero()) {
            throw new IllegalArgumentException(name + ": on and off are never negative and not both zero");
        }
    }

    /** Whether the LED is lit {@code elapsed} after the pattern started. */
    public boolean isLit(Duration elapsed) {
        long period = on.plus(off).toMillis();
        return elapsed.toMillis() % period < on.toMillis();
    }
}
