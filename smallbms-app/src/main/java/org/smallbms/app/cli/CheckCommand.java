package org.smallbms.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smallbms.sim.check.Finding;
import org.smallbms.sim.check.SystemCheck;
import org.smallbms.sim.scenario.Printable;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smallbms check FILE}: a system design against the manuals, before it is wired. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
    "Checks a system design (a scenario file, or a shipped example's name) against the manuals: Appendix A cables,",
    "output currents and fuse, battery current limits, compatibility, bank size. Exit code 1 on errors, 2 when",
    "the file cannot be read. See docs/system-check.md."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file, or a shipped example's name.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario;
        try {
            scenario = ScenarioArgument.read(file);
        } catch (ScenarioException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println("Nothing was checked.");
            return 2;
        }
        List<Finding> findings = SystemCheck.check(scenario);
        // Names and the findings that quote them come from the file: printed escaped, never as terminal controls.
        out.printf(Locale.ROOT, "%s: %d × %s (%d in series, %d in parallel), %d components%n",
                Printable.escape(scenario.name()),
                scenario.series() * scenario.parallel(), scenario.model().label(), scenario.series(),
                scenario.parallel(), scenario.placements().size());
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "%-7s %-7s %-11s %s: %s%n", f.severity(), f.rule(), f.section(),
                    Printable.escape(f.subject()), Printable.escape(f.message()));
            if (!f.fix().isEmpty()) {
                out.printf(Locale.ROOT, "%27s fix: %s%n", "", Printable.escape(f.fix()));
            }
        }
        out.printf(Locale.ROOT, "%d error(s), %d warning(s)%n", errors, warnings);
        return errors > 0 ? 1 : 0;
    }
}
