package org.smallbms.sim.scenario;

import java.util.Locale;

/**
 * Text from a file or a command line made safe to print on a terminal. A scenario's name can hold an escape
 * sequence that recolours, clears or retitles the terminal, a carriage return that overwrites the line before it,
 * or a bidirectional override that shows the text in another order than it reads: each is shown as an escape
 * ({@code \e} for ESC, {@code \r}, and U+202E as a backslash, {@code u} and {@code 202E}) instead, so what is
 * printed is what the file says.
 */
public final class Printable {

    /** Quoted values are cut to this many characters: a message names the value, it need not repeat it whole. */
    public static final int QUOTED_CHARS = 60;

    private Printable() {
    }

    /** {@code text} with every control character and bidirectional control written as an escape. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** {@code text} escaped, cut to {@link #QUOTED_CHARS} and in double quotes, for a message that names it. */
    public static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + "…" : text;
        return "\"" + escape(shown) + "\"";
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\u001b' -> "\\e";
            default -> Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
        };
    }

    /** Marks and overrides that reorder what follows them on screen (Unicode TR 9). */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }
}
