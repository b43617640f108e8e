package org.smallbms.core.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * A low-side limit the BMS owns: it sets when the value falls below {@code set} for {@code setDelay}, and clears
 * when the value is back at or above {@code clear} for {@code clearDelay}.
 *
 * @param name what is limited, for causes ("bank voltage per cell")
 * @param set the value below which the limit sets
 * @param clear the value at or above which it clears; at least {@code set}
 * @param setDelay how long the value must stay below {@code set}
 * @param clearDelay how long the value must stay at or above {@code clear}
 */
public record Limit(String name, int set, int clear, Duration setDelay, Duration clearDelay) {

    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(setDelay, "setDelay");
        Objects.requireNonNull(clearDelay, "clearDelay");
        if (clear < set) {
            throw new IllegalArgumentException(name + ": clear = " + clear + " is below set = " + set
                    + "; a limit clears at or above where it sets");
        }
        if (setDelay.isNegative() || clearDelay.isNegative()) {
            throw new IllegalArgumentException(name + ": delays are never negative");
        }
    }
}
