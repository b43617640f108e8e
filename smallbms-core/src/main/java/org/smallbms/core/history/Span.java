package org.smallbms.core.history;

/**
 * The lowest and highest value seen; {@link #EMPTY} before the first.
 *
 * @param min the lowest value seen
 * @param max the highest value seen
 */
public record Span(int min, int max) {

    /** Nothing seen yet. */
    public static final Span EMPTY = new Span(Integer.MAX_VALUE, Integer.MIN_VALUE);

    public Span {
        if (min > max && (min != Integer.MAX_VALUE || max != Integer.MIN_VALUE)) {
            throw new IllegalArgumentException("min = " + min + " is above max = " + max + "; only EMPTY has that");
        }
    }

    public boolean isEmpty() {
        return min > max;
    }

    /** This span widened to hold {@code low..high}; the same instance when it already does. */
    public Span including(int low, int high) {
        if (low >= min && high <= max) {
            return this;
        }
        return new Span(Math.min(min, low), Math.max(max, high));
    }
}
