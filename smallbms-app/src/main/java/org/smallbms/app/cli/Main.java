package org.smallbms.app.cli;

import java.io.PrintWriter;
import org.smallbms.app.store.SqliteNative;
import org.smallbms.sim.scenario.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smallbms}: the entry point. */
@Command(name = "smallbms", mixinStandardHelpOptions = true, version = "smallbms 0.1.0",
        description = "The Victron smallBMS NG as software: the BMS, the system around it, and its interfaces.",
        subcommands = {RunCommand.class, SimulateCommand.class, CheckCommand.class,
            SoakCommand.class, CellCommand.class, PinCommand.class, ReadoutCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        SqliteNative.install();
        System.exit(commandLine().setExecutionExceptionHandler(new UnexpectedErrors()).execute(args));
    }

    /** The command line with its subcommands, for tests to execute with their own writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(Main::badArguments);
    }

    /**
     * An option or argument picocli cannot take (an unknown option, a missing value): its message with the user's text
     * escaped, so nothing typed acts on the terminal, and where to find the options; exit code 2.
     */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(Printable.escape(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("'" + command.getCommandSpec().qualifiedName() + " --help' lists the options. Nothing was run.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Runs {@code args} with output captured in the given writers; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
