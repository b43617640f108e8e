package org.smallbms.core.monitor;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The marks of a {@link MonitorState} as an immutable list over an array only the monitor fills: every mutator
 * throws, as {@link java.util.List#of} does. The monitor adds a mark every 5 s; {@code List.of} would copy the array
 * it was given, and {@link MonitorState} takes this list as it is, so a new mark costs one array, not two.
 */
final class Marks extends AbstractList<Mark> implements RandomAccess {

    private final Mark[] marks;

    /** Takes {@code marks} as it is: the caller fills it with marks, none null, and never writes to it again. */
    Marks(Mark[] marks) {
        this.marks = marks;
    }

    @Override
    public Mark get(int index) {
        return marks[index];
    }

    @Override
    public int size() {
        return marks.length;
    }
}
