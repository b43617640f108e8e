package org.smallbms.core.codes;

/** A warning says a shutdown will follow if nothing changes; an alarm says why the system shut down (manual §5.2). */
public enum Severity {
    /** A state that holds an output but is not a code: remote off, a cell at the high threshold, … */
    STATE,
    WARNING,
    ALARM,
    ERROR
}
