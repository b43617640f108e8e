package org.smallbms.app.runtime;

import java.util.Objects;
import java.util.function.Consumer;
import org.smallbms.core.bms.Command;
import org.smallbms.sim.system.World;

/** What enters the control loop's queue: a user's command to the BMS, or a change to the world it is wired into. */
public sealed interface Request {

    /** A command to the BMS (settings, mode, set SoC, synchronise, resets, firmware update). */
    record ToBms(Command command) implements Request {
        public ToBms {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * A change to the world (a load switched, a fault injected), run on the control thread between two ticks.
     *
     * @param description what changes, for the log: {@code "evening load 15 A"}
     * @param change the change itself
     */
    record ToWorld(String description, Consumer<World> change) implements Request {
        public ToWorld {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(change, "change");
        }
    }
}
