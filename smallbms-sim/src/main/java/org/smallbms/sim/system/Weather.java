package org.smallbms.sim.system;

import java.time.Instant;
import java.time.ZoneOffset;
import org.smallbms.core.event.Event;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.component.Sun;

/**
 * The air around the batteries and the sun on the panels: the ambient's daily swing and the sky's clouds, an hour
 * at a time, over the clear-sky sun of the day. The virtual clock's UTC time of day is the local solar time.
 *
 * <p>Mutable: the schedule changes the weather, and the day's sun and the hour's clouds are kept while they last.
 * One owner, the system.
 */
final class Weather {

    private final Sun sun;
    private final Journal journal;
    private Ambient ambient;
    private double cloudiness;
    private double airCelsius = Double.NaN;
    private double irradiance;
    /** The hour of the run whose cloud factor is {@link #cloudFactor}: clouds change by the hour. */
    private long cloudHour = Long.MIN_VALUE;
    private double cloudFactor = 1;
    /** The UTC day of {@link #sunDay}: the calendar and the declination change by the day. */
    private long sunEpochDay = Long.MIN_VALUE;
    private Sun.Day sunDay;

    Weather(Sun sun, Ambient ambient, double cloudiness, Journal journal) {
        this.sun = sun;
        this.ambient = ambient;
        this.cloudiness = cloudiness;
        this.journal = journal;
    }

    /**
     * The weather of the step from {@code now}, a run that started at {@code start}.
     *
     * @return whether the air's temperature changed since the last step
     */
    boolean advance(Instant start, Instant now, int secondOfDay) {
        double air = ambient.celsiusAt(DailyTable.AMBIENT_COS.at(secondOfDay));
        boolean changed = air != airCelsius;
        airCelsius = air;
        irradiance = sunshine(start, now, secondOfDay);
        return changed;
    }

    private double sunshine(Instant start, Instant now, int secondOfDay) {
        long day = Math.floorDiv(secondsBetween(start, now) + secondOfDay(start), 86_400L);
        int hour = secondOfDay / 3600;
        long key = day * 24 + hour;
        if (key != cloudHour) {
            cloudHour = key;
            cloudFactor = sun.cloudFactor(day, hour, cloudiness);
        }
        long epochDay = Math.floorDiv(now.getEpochSecond(), 86_400L);
        if (epochDay != sunEpochDay) {
            sunEpochDay = epochDay;
            sunDay = sun.day(now.atOffset(ZoneOffset.UTC).getDayOfYear());
        }
        return sunDay.clearSkyAt(DailyTable.SUN_COS.at(secondOfDay)) * cloudFactor;
    }

    /** {@code Duration.between(from, to).getSeconds()}. */
    private static long secondsBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        return to.getNano() < from.getNano() ? seconds - 1 : seconds;
    }

    static int secondOfDay(Instant instant) {
        return (int) Math.floorMod(instant.getEpochSecond(), 86_400L);
    }

    void setAmbientMean(double celsius) {
        ambient = ambient.withMean(celsius);
        journal.record(Event.Kind.COMMAND, "ambient", Figures.celsius(celsius, 1),
                "the daily mean of the air around the batteries");
    }

    void setCloudiness(double value) {
        cloudiness = value;
        cloudHour = Long.MIN_VALUE;
        journal.record(Event.Kind.COMMAND, "cloudiness", Figures.number(value, 2),
                "the weather changes");
    }

    /** The air in the last step; NaN before the first. */
    double airCelsius() {
        return airCelsius;
    }

    /** The sun on the panels in the last step, a fraction of 1000 W/m². */
    double irradiance() {
        return irradiance;
    }

    double cloudiness() {
        return cloudiness;
    }
}
