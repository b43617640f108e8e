package org.smallbms.core.history;

import java.time.Instant;
import java.util.Objects;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.codes.Severity;

/**
 * An error as the history lists it: which, and when it was raised.
 *
 * @param at when it was raised
 * @param condition the error, such as E-B05
 */
public record LoggedError(Instant at, Condition condition) {

    public LoggedError {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(condition, "condition");
        if (condition.severity() != Severity.ERROR) {
            throw new IllegalArgumentException(condition.label() + " is a " + condition.severity()
                    + ": the history lists errors only");
        }
    }
}
