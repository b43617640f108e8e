package org.smallbms.sim.system;

import java.util.Optional;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.core.driver.Plant;

/**
 * The simulated world a BMS is wired into: a {@link Plant} that {@link ClosedLoop#tick} drives one tick at a time
 * ({@code advance} runs the physics), with what it has to tell ({@link #takeEvents()}: what its schedule did, faults
 * it injected, what it noticed) and commands for the BMS (a scheduled setting or firmware update:
 * {@link #takeCommands()}), and beyond the plant a view for a panel and the acts a user or a schedule does on it.
 * A world is a mutable physics body with a single owner (the loop that drives it); it is not thread-safe. The same
 * seed and the same sequence of calls give the same world.
 */
public interface World extends Plant {

    /** How the world looks now, for a panel that shows it; empty for a world that has nothing to show. */
    default Optional<WorldView> view() {
        return Optional.empty();
    }

    /**
     * Does {@code action} now, as a schedule would: a user's act on the world or a fault. A world that takes no
     * acts refuses.
     *
     * @throws IllegalStateException when this world cannot do it (no such component, no such battery)
     */
    default void act(Action action) {
        throw new IllegalStateException("this world takes no acts: " + action);
    }
}
