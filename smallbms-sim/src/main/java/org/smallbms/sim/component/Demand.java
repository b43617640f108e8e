package org.smallbms.sim.component;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a device draws over a day: the sum of its {@link Draw}s that are on.
 *
 * @param draws the parts
 */
public record Demand(List<Draw> draws) {

    public static final Demand NONE = new Demand(List.of());

    public Demand {
        draws = List.copyOf(draws);
    }

    public static Demand of(Draw... draws) {
        return new Demand(List.of(draws));
    }

    /** The current drawn at {@code volts} at this second of the day (positive). */
    public double amps(double volts, int secondOfDay) {
        // Asked every tick: a plain loop, not a lambda that captures the tick's volts and second.
        double sum = 0;
        for (int i = 0; i < draws.size(); i++) {
            Draw draw = draws.get(i);
            sum += draw.isOn(secondOfDay) ? draw.ampsAt(volts) : 0;
        }
        return sum;
    }

    /** The power taken at {@code volts} at this second of the day. */
    public double watts(double volts, int secondOfDay) {
        return sum(draw -> draw.isOn(secondOfDay) ? draw.wattsAt(volts) : 0);
    }

    /** The most it can draw at {@code volts}: every part on at once. */
    public double peakAmps(double volts) {
        return sum(draw -> draw.ampsAt(volts));
    }

    /** The most power it can take at {@code volts}. */
    public double peakWatts(double volts) {
        return sum(draw -> draw.wattsAt(volts));
    }

    private double sum(ToDoubleFunction<Draw> part) {
        double sum = 0;
        for (Draw draw : draws) {
            sum += part.applyAsDouble(draw);
        }
        return sum;
    }
}
