package org.smallbms.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import org.smallbms.app.report.ScenarioRun;
import org.smallbms.app.report.Summary;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.Printable;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smallbms simulate FILE}: a scenario on a virtual clock, as fast as the CPU allows, with its report. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = {
    "Runs a scenario (a YAML file, or the name of a shipped example) on a virtual clock as fast as the CPU allows",
    "and writes events.jsonl, timeseries.csv, summary.json and report.html. See docs/scenarios.md."})
public final class SimulateCommand implements Callable<Integer> {

    /** The most rows of timeseries.csv: about 80 MB of CSV (the rows are streamed; the bound is for the file). */
    static final long MAX_ROWS = 1_000_000;
    /** The longest part of the default folder name taken from the scenario's name. */
    static final int MAX_FOLDER_NAME_CHARS = 64;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file, or a shipped example's name.")
    String file;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the files go (default: simulation-NAME).")
    Path outDir;

    @Option(names = "--duration", paramLabel = "D", description = "How long to run instead of the file's, as 30d "
            + "or 1d12h (at most 36500d).")
    String duration;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of the cell spread and the clouds "
            + "(default: the file's).")
    Long seed;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "1m", description = "Time between rows of "
            + "timeseries.csv (default ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--batteries", description = "Also write batteries.csv: each battery's SoC, current, lowest and "
            + "highest cell and temperature at every row of timeseries.csv, to see which battery gives out first.")
    boolean perBattery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = ScenarioArgument.read(file);
        } catch (ScenarioException e) {
            return refuse(err, e.getMessage());
        }
        if (duration != null) {
            try {
                scenario = scenario.withDuration(Durations.parse(duration));
            } catch (IllegalArgumentException e) {
                return refuse(err, "--duration: " + e.getMessage());
            }
        }
        Duration every;
        try {
            every = Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            return refuse(err, "--interval: " + e.getMessage());
        }
        long rows = rows(scenario, every);
        if (rows > MAX_ROWS) {
            long seconds = scenario.duration().getSeconds() / (MAX_ROWS - 1) + 1;
            return refuse(err, String.format(Locale.ROOT, "--interval: %s over %s makes %,d rows of %s, more than "
                    + "the %,d allowed: give --interval %s or longer", Durations.format(every),
                    Durations.format(scenario.duration()), rows, ScenarioRun.TIMESERIES, MAX_ROWS,
                    Durations.format(Duration.ofSeconds(seconds))));
        }
        long runSeed = seed != null ? seed : scenario.seed();
        Path dir = outDir != null ? outDir : defaultOut(scenario.name());
        out.printf(Locale.ROOT, "%s: %s of virtual time at %s steps, seed %d%n", Printable.escape(scenario.name()),
                Durations.format(scenario.duration()), Durations.format(scenario.step()), runSeed);
        Summary summary;
        try {
            summary = ScenarioRun.run(scenario, runSeed, every, dir, perBattery, progressBar(err));
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot write to " + Printable.escape(dir.toString()) + ": "
                    + Printable.escape(e.getMessage()));
            return 1;
        }
        print(out, summary, dir, perBattery);
        return 0;
    }

    private static int refuse(PrintWriter err, String message) {
        err.println(Printable.escape(message));
        err.println("Nothing was run.");
        return 2;
    }

    /** The rows the time series gets: one per interval, or per step when the interval is shorter. */
    private static long rows(Scenario scenario, Duration interval) {
        long every = Math.max(1, Math.max(interval.getSeconds(), scenario.step().getSeconds()));
        return scenario.duration().getSeconds() / every + 1;
    }

    /**
     * The folder a run writes to without {@code --out}: {@code simulation-NAME}, where NAME keeps only letters,
     * digits, dots, underscores and hyphens of the scenario's name (a run of anything else becomes one hyphen), with
     * no leading dots or hyphens, at most {@link #MAX_FOLDER_NAME_CHARS} of them; "scenario" when none are left. A
     * name is text from a file: never a path.
     */
    static Path defaultOut(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceFirst("^[.-]+", "");
        if (safe.length() > MAX_FOLDER_NAME_CHARS) {
            safe = safe.substring(0, MAX_FOLDER_NAME_CHARS);
        }
        safe = safe.replaceFirst("[.-]+$", "");
        return Path.of("simulation-" + (safe.isEmpty() ? "scenario" : safe));
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

    private static void print(PrintWriter out, Summary s, Path dir, boolean perBattery) {
        out.println("SoC: final " + Figures.percent(s.finalSocPercent(), 1) + ", minimum "
                + Figures.percent(s.minSocPercent(), 1) + " (" + s.shown() + ")");
        out.println("Cells: " + Figures.volts(s.minCellVolts(), 3) + " .. " + Figures.volts(s.maxCellVolts(), 3));
        out.printf(Locale.ROOT, "Outputs: ATC off %.1f h, ATD off %.1f h, pre-alarm on %.1f h%n",
                s.atcOffSeconds() / 3600.0, s.atdOffSeconds() / 3600.0,
                s.preAlarmOnSeconds() / 3600.0);
        out.printf(Locale.ROOT, "Energy: charged %.0f Wh, discharged %.0f Wh%n", s.chargedWh(), s.dischargedWh());
        StringBuilder codes = new StringBuilder();
        for (Map.Entry<String, Integer> code : new java.util.TreeMap<>(s.codes()).entrySet()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(code.getKey()).append(" ×").append(code.getValue());
        }
        out.println("Codes: " + (codes.length() == 0 ? "none" : codes));
        for (String finding : s.findings()) {
            out.println("Finding: " + Printable.escape(finding));
        }
        out.println("Wrote " + Printable.escape(dir.resolve(ScenarioRun.REPORT).toString()) + " (and "
                + ScenarioRun.EVENTS + ", " + ScenarioRun.TIMESERIES + ", " + ScenarioRun.SUMMARY
                + (perBattery ? ", " + ScenarioRun.BATTERIES : "") + ")");
    }
}
