package org.smallbms.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * Watches a run: streams every event to {@code events.jsonl} and a {@link Sample} at each interval to
 * {@code timeseries.csv} as they happen, counts what the summary says, and keeps what the report draws in bounded form
 * ({@link ReportTrace}), so a run of a year holds no more in memory than one of a day. A mutable accumulator with one
 * owner, the run.
 */
public final class Recorder implements Simulation.Observer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant start;
    private final long intervalSeconds;
    private final double stepSeconds;
    private final Writer events;
    private final Writer timeseries;
    private final StringBuilder row = new StringBuilder(128);
    private final TraceKeeper trace;
    private final Map<String, Integer> codes = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    // Seconds with Charge and Load disconnect off and the pre-alarm on, counted every tick: plain fields.
    private double chargeOffSeconds;
    private double loadOffSeconds;
    private double preAlarmSeconds;
    private double minSoc = Double.MAX_VALUE;
    private double minCell = Double.MAX_VALUE;
    private double maxCell = 0;
    private long nextSample;
    // The batteries as they stand at the instant of the next tick: at the start, then after each tick's step.
    private Sample.State now;
    private BmsState last;
    private SimulatedSystem system;

    /**
     * @param start the start of the run
     * @param duration how long the run is planned to be
     * @param step the control step
     * @param interval the time between samples
     * @param events where each event goes, one JSON object a line
     * @param timeseries where each sample goes, a CSV row each after the header this writes at once
     */
    public Recorder(Instant start, Duration duration, Duration step, Duration interval, Writer events,
            Writer timeseries) throws IOException {
        this.start = start;
        this.intervalSeconds = Math.max(1, interval.getSeconds());
        this.stepSeconds = step.toNanos() / 1e9;
        this.events = events;
        this.timeseries = timeseries;
        this.trace = new TraceKeeper(plannedSamples(duration, step, intervalSeconds), duration.getSeconds());
        timeseries.write(TimeseriesCsv.HEADER);
        timeseries.write('\n');
    }

    @Override
    public void event(Event event) {
        double t = Duration.between(start, event.at()).toMillis() / 1000.0;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", t);
        line.put("at", event.at().toString());
        line.put("kind", event.kind().label());
        line.put("name", event.name());
        line.put("value", event.value());
        line.put("cause", event.cause());
        try {
            events.write(JSON.writeValueAsString(line));
            events.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event.kind() == Event.Kind.CODE && event.value().equals("active")) {
            codes.merge(event.name(), 1, Integer::sum);
        }
        if (event.kind() == Event.Kind.FINDING) {
            findings.add(event.name() + " " + event.value() + ": " + event.cause());
        }
        trace.event(event);
    }

    @Override
    public void start(Instant at, SimulatedSystem world) {
        now = Sample.State.of(world);
    }

    @Override
    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
        if (now == null) {
            throw new IllegalStateException("the recorder was not started: Simulation.run calls start first");
        }
        last = bms;
        system = world;
        Outputs outputs = bms.protection().outputs();
        if (!outputs.charge().isHigh()) {
            chargeOffSeconds += stepSeconds;
        }
        if (!outputs.load().isHigh()) {
            loadOffSeconds += stepSeconds;
        }
        if (outputs.preAlarm().isHigh()) {
            preAlarmSeconds += stepSeconds;
        }
        double soc = world.soc() * 100;
        minSoc = Math.min(minSoc, soc);
        double low = world.minCellVolts();
        double high = world.maxCellVolts();
        minCell = Math.min(minCell, low);
        maxCell = Math.max(maxCell, high);
        long t = secondsSinceStart(at);
        if (t >= nextSample) {
            nextSample = t > Long.MAX_VALUE - intervalSeconds ? Long.MAX_VALUE : t + intervalSeconds;
            Sample sample = Sample.of(t, now, bms, world);
            trace.sample(sample);
            row.setLength(0);
            try {
                timeseries.append(TimeseriesCsv.appendRow(row, sample));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        now = new Sample.State(soc, low, high, Sample.State.warmest(world));
    }

    /** The summary of the run so far. */
    public Summary summary(String scenario, long seed, Duration simulated) {
        String bmsSoc = system.device().has(DeviceProfile.Feature.BATTERY_MONITOR) ? last.monitor().socText()
                : "none";
        String monitorSoc = "";
        if (!system.monitors().isEmpty()) {
            OptionalDouble soc = system.monitors().get(0).socPercent();
            monitorSoc = soc.isPresent() ? Figures.percent(soc.getAsDouble(), 1) : "unknown";
        }
        return new Summary(scenario, seed, simulated.getSeconds(), stepSeconds, system.soc() * 100, minSoc,
                bmsSoc, monitorSoc, minCell, maxCell, Math.round(chargeOffSeconds), Math.round(loadOffSeconds),
                Math.round(preAlarmSeconds), codes, system.chargedJoules() / 3600, system.dischargedJoules() / 3600,
                findings);
    }

    /** What the report draws of the run so far, bounded however long the run (see {@link ReportTrace}). */
    public ReportTrace trace() {
        return trace.trace();
    }

    public Instant start() {
        return start;
    }

    /**
     * How many samples a run of {@code duration} in steps of {@code step} takes, one at its first tick and then one at
     * the first tick at least {@code intervalSeconds} after the last: ticks at the start plus whole steps, as many as
     * {@link Simulation#run} makes, each at its whole seconds since the start, as {@link #tick} samples them.
     */
    static long plannedSamples(Duration duration, Duration step, long intervalSeconds) {
        long stepNanos = step.toNanos();
        long steps = duration.toNanos() / stepNanos;
        if (steps <= 0) {
            return 0;
        }
        long lastSecond = (steps - 1) * stepNanos / 1_000_000_000L;
        long count = 0;
        long k = 0;
        while (k < steps) {
            count++;
            long t = k * stepNanos / 1_000_000_000L;
            if (intervalSeconds > lastSecond - t) {
                break;
            }
            // The first tick at or after second t + interval: the smallest k with k * step >= (t + interval) s.
            long nanos = (t + intervalSeconds) * 1_000_000_000L;
            k = -Math.floorDiv(-nanos, stepNanos);
        }
        return count;
    }

    /**
     * Whole seconds from the start to {@code at}, as {@code Duration.between(start, at).getSeconds()} gives them,
     * without building a Duration every tick.
     */
    long secondsSinceStart(Instant at) {
        long seconds = at.getEpochSecond() - start.getEpochSecond();
        return at.getNano() < start.getNano() ? seconds - 1 : seconds;
    }
}
