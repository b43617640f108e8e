package org.smallbms.sim.system;

/**
 * The air around the batteries over a day: a mean with a daily swing, coldest at 05:00 and warmest at 17:00 of
 * local solar time.
 *
 * @param meanCelsius the daily mean
 * @param swingCelsius warmest minus coldest (0 for a constant temperature)
 */
public record Ambient(double meanCelsius, double swingCelsius) {

    public Ambient {
        if (!(meanCelsius >= -40 && meanCelsius <= 70 && swingCelsius >= 0 && swingCelsius <= 40)) {
            throw new IllegalArgumentException("ambient mean " + meanCelsius + " °C must be within -40..70 and the "
                    + "daily swing " + swingCelsius + " K within 0..40");
        }
    }

    public static Ambient constant(double celsius) {
        return new Ambient(celsius, 0);
    }

    /** The temperature at this second of the day. */
    public double celsius(int secondOfDay) {
        if (swingCelsius == 0) {
            return meanCelsius;
        }
        return meanCelsius - swingCelsius / 2 * Math.cos(2 * Math.PI * (secondOfDay / 3600.0 - 5) / 24);
    }

    public Ambient withMean(double celsius) {
        return new Ambient(celsius, swingCelsius);
    }
}
