package org.smallbms.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smallbms cell}: tools for the simulated cell. */
@Command(name = "cell", mixinStandardHelpOptions = true,
        description = "The simulated LiFePO4 cell (docs/cell-model.md).",
        subcommands = {CellReplayCommand.class, CellFitCommand.class, CellImportEscCommand.class})
public final class CellCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
