package org.smallbms.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** A scenario named on the command line: a file, or the name of a shipped example when no such file exists. */
final class ScenarioArgument {

    private ScenarioArgument() {
    }

    static Scenario read(String argument) throws ScenarioException {
        Path file = Path.of(argument);
        if (!Files.exists(file) && Scenarios.BUILT_IN.contains(argument)) {
            return Scenarios.builtIn(argument);
        }
        return Scenarios.load(file);
    }
}
