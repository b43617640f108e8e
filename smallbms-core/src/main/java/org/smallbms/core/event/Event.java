package org.smallbms.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that changed, with its cause (PROT-10).
 *
 * @param at when it changed
 * @param kind what sort of thing changed
 * @param name which thing: {@code "ATD"}, {@code "A-B01"}, {@code "bank"}, …
 * @param value what it is now: {@code "FLOATING"}, {@code "active"}, …
 * @param cause why, in words: the rule, the value that crossed and the threshold
 */
public record Event(Instant at, Kind kind, String name, String value, String cause) {

    /**
     * The sorts of events, named as they appear in event logs: an output changed; a warning, alarm or error code
     * was raised or cleared; a state that holds outputs but is not a code (remote off, mode off, too cold to charge,
     * …) began or ended; the bank changed; a command; a fault injected; a finding; the battery monitor.
     */
    public enum Kind {
        OUTPUT, CODE, STATE, BANK, COMMAND, FAULT, FINDING, MONITOR;

        /** The lower-case name used in files: {@code "output"}, {@code "code"}, … */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toString() {
        return at + " " + kind.label() + " " + name + " = " + value + " (" + cause + ")";
    }
}
