package org.smallbms.sim.component;

import java.util.SplittableRandom;

/**
 * A synthetic sun: the clear-sky irradiance at a latitude and day of the year, times a seeded cloud factor per hour.
 *
 * <p>Clear sky: the sun's elevation from the declination (Cooper's formula) and the hour angle of local solar time,
 * irradiance {@code 1000 W/m² · sin(elevation)^1.15} (a simple air-mass fall-off). Clouds: each hour of each day draws
 * {@code u} uniformly from a generator seeded by (seed, day, hour), and lets through {@code 1 − cloudiness · (0.7 +
 * 0.3 u)}: a cloudiness of 0 is clear, 1 is overcast with 0..30 % getting through. The same seed gives the same sky.
 *
 * @param latitudeDegrees the site's latitude, north positive
 * @param seed the seed of the clouds
 */
public record Sun(double latitudeDegrees, long seed) {

    public Sun {
        if (!(latitudeDegrees >= -90 && latitudeDegrees <= 90)) {
            throw new IllegalArgumentException("latitude = " + latitudeDegrees + " is outside -90..90");
        }
    }

    /** The clear-sky irradiance as a fraction of 1000 W/m² on day {@code dayOfYear} (1..366) at this solar hour. */
    public double clearSky(int dayOfYear, double solarHours) {
        return day(dayOfYear).clearSky(solarHours);
    }

    /** The sun's path on day {@code dayOfYear} (1..366): what does not change during the day, worked out once. */
    public Day day(int dayOfYear) {
        double declination = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
        double latitude = Math.toRadians(latitudeDegrees);
        return new Day(Math.sin(latitude) * Math.sin(declination), Math.cos(latitude) * Math.cos(declination));
    }

    /**
     * One day's path of the sun: {@code sin(elevation) = fixed + swing · cos(hour angle)}. The same arithmetic in
     * the same order as a whole computation, so the irradiance is the same to the bit.
     *
     * @param fixed sin(latitude) · sin(declination)
     * @param swing cos(latitude) · cos(declination)
     */
    public record Day(double fixed, double swing) {

        /** The clear-sky irradiance as a fraction of 1000 W/m² at this solar hour of the day. */
        public double clearSky(double solarHours) {
            return clearSkyAt(Math.cos(Math.toRadians(15 * (solarHours - 12))));
        }

        /**
         * The clear-sky irradiance at the second of the day whose {@link #cosHourAngle} is {@code cosHourAngle}:
         * the same bits as {@link #clearSky} at that second's solar hour.
         */
        public double clearSkyAt(double cosHourAngle) {
            double sinElevation = fixed + swing * cosHourAngle;
            return sinElevation <= 0 ? 0 : Math.pow(sinElevation, 1.15);
        }

        /**
         * The cosine of the sun's hour angle at this second of the solar day: the same on every day and at every
         * site, so a simulation may keep it for each second.
         */
        public static double cosHourAngle(int secondOfDay) {
            return Math.cos(Math.toRadians(15 * (secondOfDay / 3600.0 - 12)));
        }
    }

    /** What the clouds let through in hour {@code hour} of day {@code day} (from the start) at this cloudiness. */
    public double cloudFactor(long day, int hour, double cloudiness) {
        if (cloudiness <= 0) {
            return 1;
        }
        double u = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + day * 24 + hour).nextDouble();
        return Math.max(0, 1 - Math.min(1, cloudiness) * (0.7 + 0.3 * u));
    }
}
