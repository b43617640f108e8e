package org.smallbms.sim.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenario files and the command line write them: {@code 1d6h30m10s}, any part optional, at least one,
 * whole seconds from {@code 0s} up to {@link #MAX}.
 */
public final class Durations {

    /**
     * The longest duration any field or option takes: 100 years (36,500 days). Far beyond any battery's life, and
     * far below where {@link Duration#toNanos()} (about 292 years) and the instants of a run would overflow.
     */
    public static final Duration MAX = Duration.ofDays(36_500);

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** A part with more digits is beyond {@link #MAX} whatever its unit; with at most this many, the sum fits. */
    private static final int MAX_DIGITS = 12;
    private static final int QUOTED_CHARS = 40;

    private Durations() {
    }

    /** Parses {@code text}; the message says what is allowed. Never overflows: too long is refused. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.replace(" ", ""));
        if (text == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException(quote(text) + " is not a duration: write days, hours, minutes and "
                    + "seconds as 1d6h30m10s (any part may be left out)");
        }
        long seconds = 0;
        long[] unitSeconds = {86_400, 3600, 60, 1};
        for (int group = 1; group <= 4; group++) {
            String digits = m.group(group);
            if (digits == null) {
                continue;
            }
            if (digits.length() > MAX_DIGITS) {
                throw tooLong(text);
            }
            seconds += Long.parseLong(digits) * unitSeconds[group - 1];
        }
        if (seconds > MAX.getSeconds()) {
            throw tooLong(text);
        }
        return Duration.ofSeconds(seconds);
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException(quote(text) + " is longer than the longest duration allowed, "
                + format(MAX) + " (100 years)");
    }

    private static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "…" : text;
        return "\"" + shown + "\"";
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
