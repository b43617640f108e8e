package org.smallbms.app.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** A scenario named on the command line: a file, or the name of a shipped example when no such file exists. */
final class ScenarioArgument {

    private ScenarioArgument() {
    }

    static Scenario read(String argument) throws ScenarioException {
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            throw notFound(argument);
        }
        if (Files.exists(file)) {
            return Scenarios.load(file);
        }
        if (Scenarios.BUILT_IN.contains(argument)) {
            return Scenarios.builtIn(argument);
        }
        throw notFound(argument);
    }

    private static ScenarioException notFound(String argument) {
        return new ScenarioException(argument, 0, "", "no such file, and no shipped scenario has this name; give "
                + "the path of a scenario file, or one of " + String.join(", ", Scenarios.BUILT_IN));
    }
}
