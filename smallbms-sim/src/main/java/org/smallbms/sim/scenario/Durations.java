package org.smallbms.sim.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of a duration, in scenario files ({@code duration}, {@code step}, {@code at}, {@code takes},
 * {@code chargedDetectionTime}) and on the command line ({@code run --duration}, {@code simulate --duration} and
 * {@code --interval}) alike: whole days, hours, minutes and seconds in that order, {@code 1d6h30m10s}, any part left
 * out but at least one given, in any case, with blanks around the text, between parts and before a unit allowed
 * ({@code " 1D 6h "} is {@code 1d6h}); from {@code 0s} up to {@link #MAX}. The same text is the same
 * {@link Duration} wherever it is written.
 *
 * <p>The grammar knows no caller's limits: a step of at most a day, a run of more than zero are the scenario's and
 * the command's to check, and to word.
 */
public final class Durations {

    /**
     * The longest duration any field or option takes: 100 years (36,500 days). Far beyond any battery's life, and
     * far below where {@link Duration#toNanos()} (about 292 years) and the instants of a run would overflow.
     */
    public static final Duration MAX = Duration.ofDays(36_500);

    /** The grammar and its examples, as every refusal of a duration states it. */
    public static final String GRAMMAR = "write whole days, hours, minutes and seconds in that order as 1d6h30m10s, "
            + "any part left out (90s, 30m, 12h, 3d, 1d12h)";

    private static final Pattern FORMAT = Pattern.compile(
            "(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?");
    /** A part with more digits is beyond {@link #MAX} whatever its unit; with at most this many, the sum fits. */
    private static final int MAX_DIGITS = 12;
    private static final long[] UNIT_SECONDS = {86_400, 3600, 60, 1};

    private Durations() {
    }

    /** Parses {@code text}; the message quotes it and states {@link #GRAMMAR}. Never overflows: too long is refused. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (text == null || !m.matches() || m.group(1) == null && m.group(2) == null && m.group(3) == null
                && m.group(4) == null) {
            throw new IllegalArgumentException(Printable.quote(text) + " is not a duration: " + GRAMMAR);
        }
        long seconds = 0;
        for (int group = 1; group <= 4; group++) {
            String digits = m.group(group);
            if (digits == null) {
                continue;
            }
            if (digits.length() > MAX_DIGITS) {
                throw tooLong(text);
            }
            seconds += Long.parseLong(digits) * UNIT_SECONDS[group - 1];
        }
        if (seconds > MAX.getSeconds()) {
            throw tooLong(text);
        }
        return Duration.ofSeconds(seconds);
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException(Printable.quote(text) + " is longer than the longest duration allowed, "
                + format(MAX) + " (100 years)");
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
