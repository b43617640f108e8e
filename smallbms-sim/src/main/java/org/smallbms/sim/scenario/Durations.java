package org.smallbms.sim.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenario files write them: {@code 1d6h30m10s}, any part optional, at least one. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** Parses {@code text}; the message says what is allowed. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.replace(" ", ""));
        if (text == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration: write days, hours, minutes and "
                    + "seconds as 1d6h30m10s (any part may be left out)");
        }
        return Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3)).plusSeconds(part(m, 4));
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** The same form back: {@code 90061 s} is {@code 1d1h1m1s}. */
    public static String format(Duration duration) {
        long s = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        append(text, s / 86_400, "d");
        append(text, s % 86_400 / 3600, "h");
        append(text, s % 3600 / 60, "m");
        append(text, s % 60, "s");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long value, String unit) {
        if (value > 0) {
            text.append(value).append(unit);
        }
    }
}
