package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import org.smallbms.app.report.ScenarioRun;
import org.smallbms.app.report.Summary;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smallbms simulate FILE}: a scenario on a virtual clock, as fast as the CPU allows, with its report. */
@Command(name = "simulate", description = {
    "Runs a scenario (a YAML file, or the name of a shipped example) on a virtual clock as fast as the CPU allows",
    "and writes events.jsonl, timeseries.csv, summary.json and report.html. See docs/scenarios.md."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file, or a shipped example's name.")
    String file;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the files go (default: simulation-NAME).")
    Path outDir;

    @Option(names = "--duration", paramLabel = "D", description = "How long to run instead of the file's, as 30d "
            + "or 1d12h.")
    String duration;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the cell spread and the clouds "
            + "(default: the file's).")
    Long seed;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "1m", description = "Time between rows of "
            + "timeseries.csv (default ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        Duration every;
        try {
            scenario = ScenarioArgument.read(file);
            if (duration != null) {
                scenario = scenario.withDuration(Durations.parse(duration));
            }
            every = Durations.parse(interval);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            err.println("Nothing was run.");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println((duration != null ? "--duration / " : "") + "--interval: " + e.getMessage());
            return 2;
        }
        long runSeed = seed != null ? seed : scenario.seed();
        Path dir = outDir != null ? outDir : Path.of("simulation-" + scenario.name());
        out.printf(Locale.ROOT, "%s: %s of virtual time at %s steps, seed %d%n", scenario.name(),
                Durations.format(scenario.duration()), Durations.format(scenario.step()), runSeed);
        Summary summary;
        try {
            summary = ScenarioRun.run(scenario, runSeed, every, dir, progressBar(err));
        } catch (IOException e) {
            err.println("cannot write to " + dir + ": " + e.getMessage());
            return 1;
        }
        print(out, summary, dir);
        return 0;
    }

    /** A progress bar on a terminal; nothing when the output goes to a file or a test. */
    private static DoubleConsumer progressBar(PrintWriter err) {
        if (System.console() == null) {
            return fraction -> {
            };
        }
        return fraction -> {
            int filled = (int) Math.round(fraction * 40);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(40 - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f %%", fraction * 100) + (fraction >= 1 ? "\n" : ""));
            err.flush();
        };
    }

    private static void print(PrintWriter out, Summary s, Path dir) {
        out.printf(Locale.ROOT, "SoC: final %.1f %%, minimum %.1f %% (the BMS shows %s)%n", s.finalSocPercent(),
                s.minSocPercent(), s.finalBmsSoc());
        out.printf(Locale.ROOT, "Cells: %.3f V .. %.3f V%n", s.minCellVolts(), s.maxCellVolts());
        out.printf(Locale.ROOT, "Outputs: ATC off %.1f h, ATD off %.1f h, pre-alarm on %.1f h%n",
                s.secondsOff().get("ATC") / 3600.0, s.secondsOff().get("ATD") / 3600.0,
                s.secondsOff().get("PRE_ALARM") / 3600.0);
        out.printf(Locale.ROOT, "Energy: charged %.0f Wh, discharged %.0f Wh%n", s.chargedWh(), s.dischargedWh());
        StringBuilder codes = new StringBuilder();
        for (Map.Entry<String, Integer> code : new java.util.TreeMap<>(s.codes()).entrySet()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(code.getKey()).append(" ×").append(code.getValue());
        }
        out.println("Codes: " + (codes.length() == 0 ? "none" : codes));
        for (String finding : s.findings()) {
            out.println("Finding: " + finding);
        }
        out.println("Wrote " + dir.resolve(ScenarioRun.REPORT) + " (and " + ScenarioRun.EVENTS + ", "
                + ScenarioRun.TIMESERIES + ", " + ScenarioRun.SUMMARY + ")");
    }
}
