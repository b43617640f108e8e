package org.smallbms.sim.component;

import java.util.List;
import java.util.Objects;

/**
 * One part of what a device draws: a constant current, power or resistance, all day or in daily windows.
 *
 * @param kind how the draw depends on the voltage
 * @param value amps, watts or ohms, by {@code kind}
 * @param hours the daily windows it is on; empty for all day
 */
public record Draw(Kind kind, double value, List<DailyWindow> hours) {

    /** How a draw depends on the voltage it gets. */
    public enum Kind {
        AMPS, WATTS, OHMS
    }

    public Draw {
        Objects.requireNonNull(kind, "kind");
        hours = List.copyOf(hours);
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a draw of " + value + " " + kind.name().toLowerCase(
                    java.util.Locale.ROOT) + " must be positive and finite");
        }
    }

    public static Draw amps(double amps) {
        return new Draw(Kind.AMPS, amps, List.of());
    }

    public boolean isOn(int secondOfDay) {
        if (hours.isEmpty()) {
            return true;
        }
        for (DailyWindow window : hours) {
            if (window.contains(secondOfDay)) {
                return true;
            }
        }
        return false;
    }

    /** What it draws at {@code volts} (a positive number), whether or not it is on now. */
    public double ampsAt(double volts) {
        if (!(volts > 0)) {
            return 0;
        }
        return switch (kind) {
            case AMPS -> value;
            case WATTS -> value / volts;
            case OHMS -> volts / value;
        };
    }

    /** What it takes as power at {@code volts}. */
    public double wattsAt(double volts) {
        return kind == Kind.WATTS ? value : ampsAt(volts) * volts;
    }
}
