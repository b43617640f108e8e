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
        return celsiusAt(dailyCos(secondOfDay));
    }

    /**
     * The daily swing's phase at this second of the day: the cosine of the angle from 05:00, the same for every
     * ambient and every day, so a simulation may keep it for each second (see {@link #celsiusAt}).
     */
    public static double dailyCos(int secondOfDay) {
        return Math.cos(2 * Math.PI * (secondOfDay / 3600.0 - 5) / 24);
    }

    /** The temperature at the second of the day whose {@link #dailyCos} is {@code dailyCos}: the same bits. */
    public double celsiusAt(double dailyCos) {
        if (swingCelsius == 0) {
            return meanCelsius;
        }
        return meanCelsius - swingCelsius / 2 * dailyCos;
    }

    public Ambient withMean(double celsius) {
        return new Ambient(celsius, swingCelsius);
    }
}
