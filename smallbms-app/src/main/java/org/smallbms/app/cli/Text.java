package org.smallbms.app.cli;

/** Text a user typed, made safe to show on a terminal. */
final class Text {

    private Text() {
    }

    /**
     * {@code text} with its control characters (and so any terminal escape sequence) shown as {@code \\uXXXX}, so
     * what a user typed or a file held is shown, never acted on by the terminal.
     */
    static String quoted(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                shown.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
