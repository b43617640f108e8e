package org.smallbms.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleConsumer;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * Runs a scenario on the virtual clock and writes its four files into a directory: the events and the time series
 * as the run goes, the summary and the report at its end.
 */
public final class ScenarioRun {

    public static final String EVENTS = "events.jsonl";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String SUMMARY = "summary.json";
    public static final String REPORT = "report.html";
    /** Written only when asked for: every battery at every sample. */
    public static final String BATTERIES = "batteries.csv";

    private ScenarioRun() {
    }

    /**
     * @param scenario what to run (with the duration to run)
     * @param seed the seed
     * @param interval the time between rows of the time series
     * @param dir where the files go; created if missing
     * @param progress told the fraction done, about a hundred times
     * @return the summary
     */
    public static Summary run(Scenario scenario, long seed, Duration interval, Path dir, DoubleConsumer progress)
            throws IOException {
        return run(scenario, seed, interval, dir, false, progress);
    }

    /**
     * @param perBattery also write {@value #BATTERIES}: every battery at every sample
     * @see #run(Scenario, long, Duration, Path, DoubleConsumer)
     */
    public static Summary run(Scenario scenario, long seed, Duration interval, Path dir, boolean perBattery,
            DoubleConsumer progress) throws IOException {
        Files.createDirectories(dir);
        SimulatedSystem world = scenario.newWorld(seed);
        Instant start = scenario.start();
        Recorder recorder;
        try (Writer events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8);
                Writer csv = Files.newBufferedWriter(dir.resolve(TIMESERIES), StandardCharsets.UTF_8);
                Writer batteryCsv = perBattery ? Files.newBufferedWriter(dir.resolve(BATTERIES), StandardCharsets.UTF_8)
                        : Writer.nullWriter()) {
            recorder = new Recorder(start, scenario.duration(), scenario.step(), interval, events, csv);
            Simulation.Observer batteries = perBattery ? new BatteriesCsv(start, interval, batteryCsv)
                    : new Simulation.Observer() {
                    };
            long total = Math.max(1, scenario.duration().getSeconds());
            long every = Math.max(1, total / 100);
            Simulation.run(world, scenario.newBms(), start, scenario.duration(), scenario.step(),
                    new Simulation.Observer() {
                        private long next = every;

                        @Override
                        public void start(Instant at, SimulatedSystem system) {
                            recorder.start(at, system);
                            batteries.start(at, system);
                        }

                        @Override
                        public void event(Event event) {
                            recorder.event(event);
                        }

                        @Override
                        public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                            recorder.tick(at, bms, system);
                            batteries.tick(at, bms, system);
                            long t = recorder.secondsSinceStart(at);
                            if (t >= next) {
                                next = t + every;
                                progress.accept((double) t / total);
                            }
                        }
                    });
        } catch (UncheckedIOException e) {
            // A file that could not be written to while the run went on (a full disk): the caller says which.
            throw e.getCause();
        }
        Summary summary = recorder.summary(scenario.name(), seed, scenario.duration());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValue(dir.resolve(SUMMARY).toFile(), summary);
        try (Writer html = Files.newBufferedWriter(dir.resolve(REPORT), StandardCharsets.UTF_8)) {
            ReportHtml.write(html, scenario.name(), scenario.description(), summary, recorder.trace(), start);
        }
        progress.accept(1);
        return summary;
    }
}
