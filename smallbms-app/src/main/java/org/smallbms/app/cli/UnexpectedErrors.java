package org.smallbms.app.cli;

import org.smallbms.sim.scenario.Printable;
import picocli.CommandLine;

/**
 * The last resort of every command for the user at a terminal: an exception no one expected is a bug, and is
 * reported as one line and exit code 1 rather than a stack trace. Installed by {@link Main#main} only, so tests,
 * which run {@link Main#execute}, still get the exception with its trace. ({@code run}'s own threads report theirs
 * through its crash file.)
 */
final class UnexpectedErrors implements CommandLine.IExecutionExceptionHandler {

    static final int EXIT_BUG = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        command.getErr().println("smallbms " + command.getCommandName() + ": internal error ("
                + Printable.escape(e.getClass().getSimpleName() + ": " + e.getMessage()) + "); this is a bug in "
                + "smallbms, please report it with the command line (and the scenario file, if there is one).");
        command.getErr().flush();
        return EXIT_BUG;
    }
}
