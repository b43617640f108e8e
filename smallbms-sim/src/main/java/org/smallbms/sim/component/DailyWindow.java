package org.smallbms.sim.component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily window of the virtual clock, {@code "18:00-23:00"}; a window that ends before it starts runs over
 * midnight ({@code "22:00-06:00"}).
 *
 * @param fromSecond the second of the day it starts, inclusive
 * @param toSecond the second of the day it ends, exclusive
 */
public record DailyWindow(int fromSecond, int toSecond) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final int DAY = 86_400;

    public DailyWindow {
        if (fromSecond < 0 || fromSecond > DAY || toSecond < 0 || toSecond > DAY) {
            throw new IllegalArgumentException("a daily window runs between 00:00 and 24:00, not " + fromSecond
                    + ".." + toSecond + " s");
        }
    }

    /** Parses {@code "HH:MM-HH:MM"}; the message says what is allowed. */
    public static DailyWindow parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("hours = \"" + text + "\" is not a daily window: write HH:MM-HH:MM, "
                    + "for example 18:00-23:00");
        }
        return new DailyWindow(seconds(m.group(1), m.group(2), text), seconds(m.group(3), m.group(4), text));
    }

    private static int seconds(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        if (h > 24 || min > 59 || h == 24 && min > 0) {
            throw new IllegalArgumentException("hours = \"" + text + "\" has a time outside 00:00..24:00");
        }
        return h * 3600 + min * 60;
    }

    public boolean contains(int secondOfDay) {
        return fromSecond <= toSecond ? secondOfDay >= fromSecond && secondOfDay < toSecond
                : secondOfDay >= fromSecond || secondOfDay < toSecond;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%02d:%02d-%02d:%02d", fromSecond / 3600, fromSecond % 3600 / 60,
                toSecond / 3600, toSecond % 3600 / 60);
    }
}
