package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import org.smallbms.app.soak.PowerCutSoak;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code smallbms soak}: the power-cut soak of docs/storage.md, for as many cuts as asked. */
@CommandLine.Command(name = "soak", mixinStandardHelpOptions = true, description = {
    "Starts 'smallbms run --speed max' as a process again and again, kills it with SIGKILL at a random moment",
    "while it writes, and checks the data directory after each cut: the database opens, a setting being changed",
    "is old or new, history never goes back, the SoC is within what the last checkpoint allows (SET-04, HIST-04,",
    "MON-07). Exit code 1 on the first broken promise."})
public final class SoakCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kills", paramLabel = "N", defaultValue = "1000", description = "How many cuts (default "
            + "${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "smallbms-soak-data", description = "The data "
            + "directory the device uses (default ./${DEFAULT-VALUE}); use a new one for a clean start.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the cut moments (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-delay-ms", paramLabel = "MS", defaultValue = "600", description = "The longest a device "
            + "runs after it says it is running (default ${DEFAULT-VALUE}).")
    int maxDelayMillis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (kills < 1 || maxDelayMillis < 0) {
            spec.commandLine().getErr().println("--kills must be 1 or more and --max-delay-ms 0 or more");
            return 2;
        }
        PowerCutSoak.Result result = new PowerCutSoak(data, new Random(seed), Duration.ofMillis(maxDelayMillis),
                out).run(kills);
        result.violations().forEach(out::println);
        out.println(result.kills() + " cuts, " + result.violations().size() + " violations");
        out.flush();
        return result.violations().isEmpty() ? 0 : 1;
    }
}
