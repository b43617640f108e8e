package org.smallbms.sim.component;

import java.util.List;

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
        double sum = 0;
        for (Draw draw : draws) {
            if (draw.isOn(secondOfDay)) {
                sum += draw.ampsAt(volts);
            }
        }
        return sum;
    }

    /** The power taken at {@code volts} at this second of the day. */
    public double watts(double volts, int secondOfDay) {
        double sum = 0;
        for (Draw draw : draws) {
            if (draw.isOn(secondOfDay)) {
                sum += draw.wattsAt(volts);
            }
        }
        return sum;
    }

    /** The most it can draw at {@code volts}: every part on at once. */
    public double peakAmps(double volts) {
        double sum = 0;
        for (Draw draw : draws) {
            sum += draw.ampsAt(volts);
        }
        return sum;
    }

    /** The most power it can take at {@code volts}. */
    public double peakWatts(double volts) {
        double sum = 0;
        for (Draw draw : draws) {
            sum += draw.wattsAt(volts);
        }
        return sum;
    }
}
