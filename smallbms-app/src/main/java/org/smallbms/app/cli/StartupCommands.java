package org.smallbms.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.sim.system.ClosedLoop;
import org.smallbms.sim.system.World;

/**
 * The commands given on {@code run}'s command line, tried before the device starts: on a world of their own, in the
 * second tick, as the device applies them (after the first tick has seen the bank, so a set SoC knows its capacity,
 * and after the scenario's own initial settings and SoC), in order. The core is pure, so the trial changes nothing of
 * the device or its store.
 */
final class StartupCommands {

    private StartupCommands() {
    }

    /** The first refusal's message, or empty when the device would accept them all. */
    static Optional<String> refusal(BmsState initial, World trial, Instant start, Duration tick,
            List<Command> commands) {
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        BmsState first = ClosedLoop.tick(initial, trial, start, tick).bms();
        for (CommandResult result : ClosedLoop.tick(first, trial, start.plus(tick), tick, commands).requested()) {
            if (result instanceof CommandResult.Rejected rejected) {
                return Optional.of(rejected.message());
            }
        }
        return Optional.empty();
    }
}
