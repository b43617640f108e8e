package org.smallbms.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smallbms.app.report.ReportTrace.Range;
import org.smallbms.app.report.ReportTrace.Run;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.scenario.Durations;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * The recorder streams the time series and keeps the report's trace bounded. The reference is the way it was done
 * before it streamed: every sample and every event in a list, the files and the report's figures made from the
 * lists at the end.
 */
class RecorderTest {

    /** What a run gave: the recorder, its two streams, and every sample and event the reference kept. */
    private record Recorded(Recorder recorder, String events, String timeseries, List<Sample> samples,
            List<Event> allEvents, long span) {
    }

    private static Recorded record(Scenario scenario, Duration interval) {
        StringWriter events = new StringWriter();
        StringWriter timeseries = new StringWriter();
        Instant start = scenario.start();
        List<Sample> samples = new ArrayList<>();
        List<Event> allEvents = new ArrayList<>();
        Recorder recorder;
        try {
            recorder = new Recorder(start, scenario.duration(), scenario.step(), interval, events, timeseries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long every = interval.getSeconds();
        Simulation.run(scenario.newWorld(scenario.seed()), scenario.newBms(), start, scenario.duration(),
                scenario.step(), new Simulation.Observer() {
                    private long next;
                    private Sample.State now;

                    @Override
                    public void start(Instant at, SimulatedSystem world) {
                        recorder.start(at, world);
                        now = Sample.State.of(world);
                    }

                    @Override
                    public void event(Event event) {
                        recorder.event(event);
                        allEvents.add(event);
                    }

                    @Override
                    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
                        recorder.tick(at, bms, world);
                        long t = Duration.between(start, at).getSeconds();
                        if (t >= next) {
                            next = t + every;
                            samples.add(Sample.of(t, now, bms, world));
                        }
                        now = Sample.State.of(world);
                    }
                });
        return new Recorded(recorder, events.toString(), timeseries.toString(), samples, allEvents,
                scenario.duration().getSeconds());
    }

    /** The report's figures worked out from every sample and event, as the report did before the trace. */
    private static ReportTrace reference(List<Sample> samples, List<Event> events, long span) {
        long stride = Math.max(1, samples.size() / ReportTrace.CHART_POINTS);
        List<Sample> points = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += (int) stride) {
            points.add(samples.get(i));
        }
        List<Event> kept = events.stream().filter(e -> e.kind() != Event.Kind.MONITOR).toList();
        List<Event> marks = kept.stream().filter(e -> (e.kind() == Event.Kind.CODE || e.kind() == Event.Kind.STATE)
                && e.value().equals("active")).limit(ReportTrace.MARKS).toList();
        List<Event> table = kept.stream().limit(ReportTrace.TABLE_EVENTS).toList();
        return new ReportTrace(samples.size(), points, stride, range(samples, List.of(Sample::volts)),
                range(samples, List.of(Sample::amps)), range(samples, List.of(Sample::minCellVolts,
                        Sample::maxCellVolts)), runs(samples, Sample::atc, span), runs(samples, Sample::atd, span),
                runs(samples, Sample::preAlarm, span), marks, table, kept.size() - table.size());
    }

    private static Range range(List<Sample> samples, List<ToDoubleFunction<Sample>> series) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Sample sample : samples) {
            for (ToDoubleFunction<Sample> f : series) {
                min = Math.min(min, f.applyAsDouble(sample));
                max = Math.max(max, f.applyAsDouble(sample));
            }
        }
        return new Range(min, max);
    }

    private static List<Run> runs(List<Sample> samples, Predicate<Sample> high, long span) {
        List<Run> runs = new ArrayList<>();
        Long from = null;
        for (int i = 0; i <= samples.size(); i++) {
            boolean level = i < samples.size() && high.test(samples.get(i));
            long t = i < samples.size() ? samples.get(i).seconds() : span;
            if (level && from == null) {
                from = t;
            } else if (!level && from != null) {
                runs.add(new Run(from, t));
                from = null;
            }
        }
        return runs;
    }

    @Test
    @DisplayName("CLS-01 the time series of a classic system carries its SmartShunt's SoC, the one figure of charge "
            + "its user sees; a system without a monitor leaves the column empty")
    void record_classicWithSmartShunt_monitorSocInEveryRow() throws Exception {
        Scenario classic = Scenarios.builtIn("classic-3.3.1-solar-batteryprotect").withDuration(Duration.ofDays(2));
        Recorded run = record(classic, Duration.ofMinutes(10));
        String[] lines = run.timeseries().split("\n");
        assertThat(lines[0]).endsWith(",pre_alarm,monitor_soc_percent");
        List<Double> socs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            assertThat(fields).as("line %d", i + 1).hasSize(13);
            assertThat(fields[2]).as("the classic BMS shows no SoC").isEmpty();
            socs.add(Double.parseDouble(fields[12]));
        }
        assertThat(socs).allSatisfy(soc -> assertThat(soc).isBetween(0.0, 100.0));
        assertThat(socs.stream().distinct().count()).as("the shunt counts the day's charge and discharge")
                .isGreaterThan(10);
        assertThat(run.samples()).allSatisfy(sample -> assertThat(sample.monitorSocPercent()).isNotNaN());

        Recorded ng = record(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").withDuration(Duration.ofDays(1)),
                Duration.ofHours(1));
        for (String line : ng.timeseries().split("\n")) {
            assertThat(line.split(",", -1)).hasSize(13);
            assertThat(line).as("no monitor, an empty last field").matches(".*,(monitor_soc_percent)?$");
        }
    }

    @ParameterizedTest(name = "interval {0}")
    @CsvSource({"10m", "1m", "7s"})
    @DisplayName("the streamed time series is the one a list of every sample gives, and the report's trace is the "
            + "one worked out from every sample and event, whether the run has fewer samples than the charts draw "
            + "(10m) or more (1m, 7s)")
    void record_fourDaysOfTheExample_streamsAndKeepsWhatTheListsGive(String interval) throws Exception {
        Scenario scenario = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect");
        Recorded run = record(scenario, Durations.parse(interval));

        StringWriter expected = new StringWriter();
        TimeseriesCsv.write(run.samples(), expected);
        assertThat(run.timeseries()).isEqualTo(expected.toString());
        ReportTrace trace = run.recorder().trace();
        assertThat(trace).isEqualTo(reference(run.samples(), run.allEvents(), run.span()));
        assertThat(trace.points().size()).isLessThanOrEqualTo(Math.min(run.samples().size(), ReportTrace.MAX_POINTS));
        assertThat(trace.atd()).as("the loads are cut every evening").isNotEmpty();
    }

    @Test
    @DisplayName("a year at 1 min steps: half a million samples and thousands of events are streamed, and the recorder "
            + "keeps no more than the report's bounds of them")
    void record_aYear_keepsNoMoreThanTheBounds() throws ScenarioException {
        Scenario scenario = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").withStep(Duration.ofMinutes(1))
                .withDuration(Duration.ofDays(365));
        StringWriter events = new StringWriter();
        CountingWriter timeseries = new CountingWriter();
        Recorder recorder;
        try {
            recorder = new Recorder(scenario.start(), scenario.duration(), scenario.step(), Duration.ofMinutes(1),
                    events, timeseries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Simulation.run(scenario.newWorld(1), scenario.newBms(), scenario.start(), scenario.duration(),
                scenario.step(), recorder);

        ReportTrace trace = recorder.trace();
        long lines = events.toString().lines().filter(line -> !line.contains("\"kind\":\"monitor\"")).count();
        assertThat(trace.samples()).isEqualTo(365 * 1440L).isEqualTo(timeseries.lines - 1);
        assertThat(trace.points()).hasSizeLessThanOrEqualTo(ReportTrace.MAX_POINTS);
        assertThat(trace.events()).hasSize(ReportTrace.TABLE_EVENTS);
        assertThat(lines).isGreaterThan(ReportTrace.TABLE_EVENTS);
        assertThat(trace.eventsLeftOut()).isEqualTo(lines - ReportTrace.TABLE_EVENTS);
        assertThat(trace.marks()).hasSizeLessThanOrEqualTo(ReportTrace.MARKS);
        assertThat(List.of(trace.atc(), trace.atd(), trace.preAlarm()))
                .allSatisfy(runs -> assertThat(runs).hasSizeLessThanOrEqualTo(ReportTrace.MAX_RUNS));
    }

    @Test
    @DisplayName("a row of timeseries.csv is one instant: its cells are those the BMS measured when it decided the "
            + "outputs of the same row, not those of a second later")
    void row_cellsAreThoseTheBmsDecidedOn() throws Exception {
        Scenario scenario = Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").withDuration(Duration.ofDays(1));
        StringWriter timeseries = new StringWriter();
        Recorder recorder = new Recorder(scenario.start(), scenario.duration(), scenario.step(),
                Duration.ofSeconds(1), new StringWriter(), timeseries);
        java.util.Map<Long, Integer> measured = new java.util.HashMap<>();
        Simulation.run(scenario.newWorld(1), scenario.newBms(), scenario.start(), scenario.duration(),
                scenario.step(), new Simulation.Observer() {
                    @Override
                    public void start(Instant at, SimulatedSystem world) {
                        recorder.start(at, world);
                    }

                    @Override
                    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
                        recorder.tick(at, bms, world);
                        bms.measurement().ifPresent(m -> measured.put(Duration.between(scenario.start(), at)
                                .getSeconds(), m.minCellMillivolts()));
                    }
                });

        List<String> rows = timeseries.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(86_400);
        int compared = 0;
        for (String row : rows) {
            String[] columns = row.split(",");
            Integer bms = measured.get(Long.parseLong(columns[0]));
            if (bms != null) {
                assertThat(Double.parseDouble(columns[5])).as("row %s", columns[0])
                        .isCloseTo(bms / 1000.0, org.assertj.core.api.Assertions.within(0.0011));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(86_000);
    }

    /** Counts the lines written, keeping none of them. */
    private static final class CountingWriter extends java.io.Writer {
        private long lines;

        @Override
        public void write(char[] text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (text[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Property
    @Label("the samples planned for a run are the samples the recorder takes, for any step, interval and "
            + "duration")
    void plannedSamples_anyStepIntervalAndDuration_isTheCountTheTicksGive(
            @ForAll @IntRange(min = 1, max = 3600) int stepSeconds, @ForAll @IntRange(min = 1, max = 7200) int every,
            @ForAll @IntRange(min = 1, max = 20_000) int steps, @ForAll @IntRange(min = 0, max = 3599) int extra) {
        Duration step = Duration.ofSeconds(stepSeconds);
        Duration duration = step.multipliedBy(steps).plusSeconds(extra % stepSeconds);
        long count = 0;
        long next = 0;
        for (long k = 0; k < steps; k++) {
            long t = k * stepSeconds;
            if (t >= next) {
                next = t + every;
                count++;
            }
        }
        assertThat(Recorder.plannedSamples(duration, step, every)).isEqualTo(count);
    }
}
